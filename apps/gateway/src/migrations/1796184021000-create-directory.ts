import { sqlMigration } from '@pingan/event-store';

/** The directory read model: organisations and users (directory/directory.projection.ts). */
export const CreateDirectory1796184021000 = sqlMigration('CreateDirectory1796184021000', (s) => [
  `
      CREATE TABLE ${s}.organisations (
        organisation_id text PRIMARY KEY,
        kind            text NOT NULL,
        name            text NOT NULL,
        region_code     text NOT NULL,
        parent_id       text,
        details         jsonb NOT NULL,
        active          boolean NOT NULL,
        registered_at   timestamptz NOT NULL,
        deactivated_at  timestamptz
      );
      CREATE INDEX organisations_region ON ${s}.organisations (region_code text_pattern_ops);
      CREATE TABLE ${s}.users (
        user_id         text PRIMARY KEY,
        username        text NOT NULL,
        display_name    text NOT NULL,
        phone           text,
        organisation_id text NOT NULL,
        roles           text[] NOT NULL,
        active          boolean NOT NULL,
        registered_at   timestamptz NOT NULL,
        deactivated_at  timestamptz
      );
      CREATE INDEX users_username ON ${s}.users (username);
      CREATE INDEX users_organisation ON ${s}.users (organisation_id);`,
]);
