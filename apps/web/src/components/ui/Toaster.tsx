import { ToastContainer } from 'react-toastify/unstyled';
import 'react-toastify/ReactToastify.css';

/**
 * Where toasts appear (react-toastify). The unstyled build and its stylesheet, imported here:
 * the default build inserts a <style> element at run time, which the Content-Security-Policy
 * (style-src 'self') refuses. Mount once, inside the router (toasts hold links).
 */
export function Toaster() {
  return (
    <ToastContainer
      position="bottom-right"
      newestOnTop
      closeButton={false}
      hideProgressBar
      draggable={false}
    />
  );
}
