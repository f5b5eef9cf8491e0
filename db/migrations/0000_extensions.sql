-- Fuzzy search (directory) and exclusion constraints on time ranges (guides). Both ship with PostgreSQL 15 and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
