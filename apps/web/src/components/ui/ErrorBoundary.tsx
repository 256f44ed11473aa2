import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Shown in place of the children once one of them threw while rendering. */
  fallback: ReactNode;
  /** Names what failed in the report (`message 42 of conversation …`). */
  what: string;
  /** When one of these changes (an edited body, another conversation), the children are tried again. */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
  keys?: readonly unknown[];
}

/**
 * Keeps a render error inside one part of a page: anything a user wrote is rendered within one,
 * so a message that breaks rendering shows a placeholder instead of taking the app down for
 * everyone who opens the conversation. The SPA has no error-reporting service: the error goes
 * to the console, with what failed and the component stack.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, keys: this.props.resetKeys };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (sameKeys(props.resetKeys, state.keys)) return null;
    return { failed: false, keys: props.resetKeys };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`Could not display ${this.props.what}`, error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function sameKeys(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length === b.length && a.every((key, index) => Object.is(key, b[index]));
}
