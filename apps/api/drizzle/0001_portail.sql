CREATE TABLE "client_invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "client_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"courtier_id" integer NOT NULL,
	"prenom" text NOT NULL,
	"nom" text NOT NULL,
	"email" text NOT NULL,
	"telephone" text,
	"type_projet" text NOT NULL,
	"statut" text DEFAULT 'invite' NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"date_invitation" timestamp with time zone DEFAULT now() NOT NULL,
	"date_activation" timestamp with time zone,
	"derniere_connexion" timestamp with time zone,
	"message_personnalise" text,
	"acces_documents" boolean DEFAULT true NOT NULL,
	"acces_messagerie" boolean DEFAULT true NOT NULL,
	"acces_taches" boolean DEFAULT true NOT NULL,
	"acces_calendrier" boolean DEFAULT true NOT NULL,
	"acces_proprietes" boolean DEFAULT true NOT NULL,
	"recherche" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "client_invitations_type_projet_check" CHECK ("client_invitations"."type_projet" in ('achat', 'vente', 'location')),
	CONSTRAINT "client_invitations_statut_check" CHECK ("client_invitations"."statut" in ('invite', 'actif', 'inactif')),
	CONSTRAINT "client_invitations_locale_check" CHECK ("client_invitations"."locale" in ('fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "portail_transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portail_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_invitation_id" integer NOT NULL,
	"courtier_id" integer NOT NULL,
	"type" text NOT NULL,
	"statut" text DEFAULT 'recherche' NOT NULL,
	"progression" integer DEFAULT 0 NOT NULL,
	"date_debut" date,
	"date_fin" date,
	"adresse" text,
	"ville" text,
	"prix_offert" numeric(12, 2),
	"prix_accepte" numeric(12, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portail_transactions_type_check" CHECK ("portail_transactions"."type" in ('achat', 'vente', 'location')),
	CONSTRAINT "portail_transactions_statut_check" CHECK ("portail_transactions"."statut" in ('recherche', 'offre', 'inspection', 'financement', 'notaire', 'complete', 'annulee')),
	CONSTRAINT "portail_transactions_progression_check" CHECK ("portail_transactions"."progression" between 0 and 100),
	CONSTRAINT "portail_transactions_prix_check" CHECK (coalesce("portail_transactions"."prix_offert", 0) >= 0 and coalesce("portail_transactions"."prix_accepte", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "transaction_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_id" integer NOT NULL,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"categorie" text NOT NULL,
	"taille" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"partage_par_id" integer,
	"date_partage" timestamp with time zone DEFAULT now() NOT NULL,
	"nouveau" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "transaction_documents_type_check" CHECK ("transaction_documents"."type" in ('pdf', 'image', 'excel', 'word', 'autre')),
	CONSTRAINT "transaction_documents_taille_check" CHECK ("transaction_documents"."taille" >= 0)
);
--> statement-breakpoint
CREATE TABLE "transaction_etapes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_etapes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_id" integer NOT NULL,
	"titre" text NOT NULL,
	"description" text,
	"ordre" integer NOT NULL,
	"statut" text DEFAULT 'a_planifier' NOT NULL,
	"date_planifiee" date,
	"heure_planifiee" time,
	"date_completion" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_etapes_statut_check" CHECK ("transaction_etapes"."statut" in ('a_planifier', 'planifie', 'en_cours', 'complete'))
);
--> statement-breakpoint
CREATE TABLE "transaction_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_id" integer NOT NULL,
	"expediteur_id" integer NOT NULL,
	"message" text NOT NULL,
	"date_envoi" timestamp with time zone DEFAULT now() NOT NULL,
	"lu" boolean DEFAULT false NOT NULL,
	"lu_at" timestamp with time zone,
	CONSTRAINT "transaction_messages_length_check" CHECK (char_length("transaction_messages"."message") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "transaction_taches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_taches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_id" integer NOT NULL,
	"titre" text NOT NULL,
	"description" text,
	"priorite" text DEFAULT 'moyenne' NOT NULL,
	"categorie" text,
	"echeance" date,
	"completee" boolean DEFAULT false NOT NULL,
	"date_completion" timestamp with time zone,
	"cree_par_id" integer,
	"date_creation" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_taches_priorite_check" CHECK ("transaction_taches"."priorite" in ('haute', 'moyenne', 'basse'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "client_invitation_id" integer;--> statement-breakpoint
ALTER TABLE "client_invitations" ADD CONSTRAINT "client_invitations_courtier_id_users_id_fk" FOREIGN KEY ("courtier_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portail_transactions" ADD CONSTRAINT "portail_transactions_client_invitation_id_client_invitations_id_fk" FOREIGN KEY ("client_invitation_id") REFERENCES "public"."client_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portail_transactions" ADD CONSTRAINT "portail_transactions_courtier_id_users_id_fk" FOREIGN KEY ("courtier_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_documents" ADD CONSTRAINT "transaction_documents_transaction_id_portail_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."portail_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_documents" ADD CONSTRAINT "transaction_documents_partage_par_id_users_id_fk" FOREIGN KEY ("partage_par_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_etapes" ADD CONSTRAINT "transaction_etapes_transaction_id_portail_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."portail_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_messages" ADD CONSTRAINT "transaction_messages_transaction_id_portail_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."portail_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_messages" ADD CONSTRAINT "transaction_messages_expediteur_id_users_id_fk" FOREIGN KEY ("expediteur_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_taches" ADD CONSTRAINT "transaction_taches_transaction_id_portail_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."portail_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_taches" ADD CONSTRAINT "transaction_taches_cree_par_id_users_id_fk" FOREIGN KEY ("cree_par_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_invitations_email_lower_key" ON "client_invitations" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "client_invitations_courtier_id_idx" ON "client_invitations" USING btree ("courtier_id","date_invitation" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "client_invitations_courtier_statut_idx" ON "client_invitations" USING btree ("courtier_id","statut");--> statement-breakpoint
CREATE INDEX "client_invitations_statut_idx" ON "client_invitations" USING btree ("statut");--> statement-breakpoint
CREATE INDEX "portail_transactions_invitation_idx" ON "portail_transactions" USING btree ("client_invitation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "portail_transactions_courtier_idx" ON "portail_transactions" USING btree ("courtier_id","statut");--> statement-breakpoint
CREATE INDEX "transaction_documents_transaction_idx" ON "transaction_documents" USING btree ("transaction_id","date_partage" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transaction_documents_categorie_idx" ON "transaction_documents" USING btree ("transaction_id","categorie");--> statement-breakpoint
CREATE INDEX "transaction_etapes_transaction_idx" ON "transaction_etapes" USING btree ("transaction_id","ordre");--> statement-breakpoint
CREATE INDEX "transaction_messages_thread_idx" ON "transaction_messages" USING btree ("transaction_id","date_envoi","id");--> statement-breakpoint
CREATE INDEX "transaction_messages_unread_idx" ON "transaction_messages" USING btree ("transaction_id","expediteur_id") WHERE "transaction_messages"."lu" = false;--> statement-breakpoint
CREATE INDEX "transaction_taches_transaction_idx" ON "transaction_taches" USING btree ("transaction_id","completee","echeance");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_invitation_id_client_invitations_id_fk" FOREIGN KEY ("client_invitation_id") REFERENCES "public"."client_invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_invitation_id_unique" UNIQUE("client_invitation_id");