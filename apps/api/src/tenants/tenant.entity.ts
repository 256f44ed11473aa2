import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One organisation (a département's service, a station group). Everything else belongs to one. */
@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ unique: true })
  slug!: string;

  @Column()
  name!: string;
}
