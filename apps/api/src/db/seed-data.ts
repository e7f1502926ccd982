import type {
  Locale,
  Priorite,
  StatutEtape,
  StatutInvitation,
  StatutTransaction,
  TypeProjet,
} from "@portail/shared";
import type { AccessFlags } from "../lib/policy.ts";

// The plan's demo: Marie Dubois and her six clients. Dates are given relative to the day the
// seed runs (`days` from today in Québec, negative in the past), so the demo always has
// overdue tasks, past étapes and upcoming appointments. Emails use reserved example domains.

export interface DemoEtape {
  titre: string;
  description?: string;
  statut: StatutEtape;
  days?: number;
  heure?: string;
}

export interface DemoMessage {
  from: "courtier" | "client";
  text: string;
  hoursAgo: number;
  lu: boolean;
}

export interface DemoTache {
  titre: string;
  description?: string;
  priorite: Priorite;
  categorie?: string;
  days?: number;
  completee?: boolean;
}

export interface DemoDocument {
  nom: string;
  categorie: string;
  /** Text of the generated PDF, or a PNG picture. */
  file: { pdf: string[] } | "png";
  daysAgo: number;
  nouveau: boolean;
}

export interface DemoTransaction {
  type: TypeProjet;
  progression: number;
  /** Only `annulee` is ever set by hand; otherwise derived from the progression. */
  statut?: Extract<StatutTransaction, "annulee">;
  createdDaysAgo: number;
  debutDays?: number;
  finDays?: number;
  adresse?: string;
  ville?: string;
  prix_offert?: string;
  prix_accepte?: string;
  etapes: DemoEtape[];
  messages?: DemoMessage[];
  taches?: DemoTache[];
  documents?: DemoDocument[];
}

export interface DemoClient {
  prenom: string;
  nom: string;
  email: string;
  telephone: string;
  type_projet: TypeProjet;
  statut: StatutInvitation;
  locale: Locale;
  invitedDaysAgo: number;
  message_personnalise?: string;
  flags?: Partial<AccessFlags>;
  /** Oldest first. */
  transactions: DemoTransaction[];
}

export const DEMO_CLIENTS: DemoClient[] = [
  {
    prenom: "Sophie",
    nom: "Tremblay",
    email: "sophie.tremblay@example.com",
    telephone: "514-555-0142",
    type_projet: "achat",
    statut: "actif",
    locale: "fr",
    invitedDaysAgo: 50,
    message_personnalise:
      "Bienvenue dans votre portail, Sophie! Tout votre dossier d'achat est ici.",
    transactions: [
      {
        type: "achat",
        progression: 65,
        createdDaysAgo: 48,
        debutDays: -45,
        finDays: 30,
        adresse: "1234, rue Saint-Denis",
        ville: "Montréal",
        prix_offert: "475000.00",
        prix_accepte: "465000.00",
        etapes: [
          {
            titre: "Recherche de propriété",
            description: "Visites et choix de la propriété.",
            statut: "complete",
            days: -40,
          },
          {
            titre: "Promesse d'achat",
            description: "Promesse acceptée à 465 000 $.",
            statut: "complete",
            days: -25,
            heure: "14:00",
          },
          {
            titre: "Inspection",
            description: "Inspection préachat avec M. Gagnon, inspecteur agréé.",
            statut: "complete",
            days: -18,
            heure: "09:30",
          },
          {
            titre: "Financement",
            description: "Rendez-vous avec la conseillère hypothécaire.",
            statut: "en_cours",
            days: 5,
            heure: "10:00",
          },
          {
            titre: "Notaire",
            description: "Signature de l'acte de vente chez Me Lavoie.",
            statut: "planifie",
            days: 21,
            heure: "13:30",
          },
          { titre: "Prise de possession", description: "Remise des clés.", statut: "a_planifier" },
        ],
        messages: [
          {
            from: "courtier",
            text: "Bonjour Sophie, bonne nouvelle : votre promesse d'achat a été acceptée à 465 000 $!",
            hoursAgo: 24 * 25,
            lu: true,
          },
          {
            from: "client",
            text: "Merci Marie, c'est une excellente nouvelle! Quelle est la prochaine étape?",
            hoursAgo: 24 * 25 - 2,
            lu: true,
          },
          {
            from: "courtier",
            text: "L'inspection s'est bien passée. Le rapport est dans vos documents.",
            hoursAgo: 24 * 17,
            lu: true,
          },
          {
            from: "client",
            text: "Parfait. Pour le financement, quels documents dois-je fournir?",
            hoursAgo: 24 * 3,
            lu: true,
          },
          {
            from: "courtier",
            text: "Vos deux derniers talons de paie et une lettre de votre employeur. Je les ai ajoutés à vos tâches.",
            hoursAgo: 26,
            lu: false,
          },
          {
            from: "courtier",
            text: "Votre rendez-vous avec la conseillère hypothécaire est confirmé, voir les étapes.",
            hoursAgo: 3,
            lu: false,
          },
          {
            from: "client",
            text: "Merci! Je vous envoie les talons de paie ce soir.",
            hoursAgo: 1,
            lu: false,
          },
        ],
        taches: [
          {
            titre: "Fournir vos deux derniers talons de paie",
            description: "Pour la demande de prêt hypothécaire.",
            priorite: "haute",
            categorie: "financement",
            days: -2,
          },
          {
            titre: "Obtenir une lettre de l'employeur",
            priorite: "haute",
            categorie: "financement",
            days: -1,
          },
          {
            titre: "Signer l'offre de financement",
            priorite: "moyenne",
            categorie: "financement",
            days: 6,
          },
          {
            titre: "Choisir une assurance habitation",
            description: "Exigée par le prêteur avant la signature chez le notaire.",
            priorite: "moyenne",
            categorie: "notaire",
            days: 14,
          },
          {
            titre: "Relire le rapport d'inspection",
            priorite: "basse",
            categorie: "inspection",
            days: -15,
            completee: true,
          },
          {
            titre: "Signer la promesse d'achat",
            priorite: "haute",
            categorie: "offre",
            days: -26,
            completee: true,
          },
        ],
        documents: [
          {
            nom: "Promesse d'achat signée.pdf",
            categorie: "offre",
            file: {
              pdf: [
                "Promesse d'achat - document de demonstration",
                "1234, rue Saint-Denis, Montreal",
                "Prix accepte : 465 000 $",
              ],
            },
            daysAgo: 25,
            nouveau: false,
          },
          {
            nom: "Rapport d'inspection.pdf",
            categorie: "inspection",
            file: {
              pdf: [
                "Rapport d'inspection - document de demonstration",
                "Aucun defaut majeur constate.",
              ],
            },
            daysAgo: 17,
            nouveau: true,
          },
          { nom: "Façade.png", categorie: "autre", file: "png", daysAgo: 40, nouveau: false },
          {
            nom: "Liste des documents pour le prêt.pdf",
            categorie: "financement",
            file: {
              pdf: ["Documents a fournir au preteur", "- Talons de paie", "- Lettre d'emploi"],
            },
            daysAgo: 1,
            nouveau: true,
          },
        ],
      },
    ],
  },
  {
    prenom: "Jean",
    nom: "Côté",
    email: "jean.cote@example.com",
    telephone: "450-555-0177",
    type_projet: "vente",
    statut: "actif",
    locale: "fr",
    invitedDaysAgo: 20,
    transactions: [
      {
        type: "vente",
        progression: 30,
        createdDaysAgo: 20,
        debutDays: -20,
        adresse: "87, rue des Érables",
        ville: "Laval",
        prix_offert: "389000.00",
        etapes: [
          { titre: "Évaluation et mise en marché", statut: "complete", days: -18 },
          { titre: "Visites", statut: "en_cours", days: 2, heure: "18:30" },
          { titre: "Promesse d'achat", statut: "a_planifier" },
          { titre: "Inspection", statut: "a_planifier" },
          { titre: "Levée des conditions", statut: "a_planifier" },
          { titre: "Notaire", statut: "a_planifier" },
        ],
        messages: [
          {
            from: "courtier",
            text: "Bonjour Jean, une visite est prévue samedi à 18 h 30.",
            hoursAgo: 30,
            lu: false,
          },
        ],
        taches: [
          {
            titre: "Remplir la déclaration du vendeur",
            priorite: "haute",
            categorie: "offre",
            days: -3,
          },
          { titre: "Préparer la maison pour les visites", priorite: "moyenne", days: 2 },
        ],
        documents: [
          {
            nom: "Contrat de courtage.pdf",
            categorie: "autre",
            file: { pdf: ["Contrat de courtage - vente", "Document de demonstration"] },
            daysAgo: 19,
            nouveau: false,
          },
        ],
      },
    ],
  },
  {
    prenom: "Isabelle",
    nom: "Roy",
    email: "isabelle.roy@example.org",
    telephone: "418-555-0109",
    type_projet: "location",
    statut: "invite",
    locale: "fr",
    invitedDaysAgo: 1,
    message_personnalise: "Isabelle, voici votre accès au portail pour suivre votre recherche.",
    transactions: [
      {
        type: "location",
        progression: 0,
        createdDaysAgo: 1,
        ville: "Québec",
        etapes: [
          { titre: "Recherche de logement", statut: "en_cours" },
          { titre: "Visites", statut: "a_planifier" },
          { titre: "Demande de location", statut: "a_planifier" },
          { titre: "Signature du bail", statut: "a_planifier" },
          { titre: "Remise des clés", statut: "a_planifier" },
        ],
      },
    ],
  },
  {
    prenom: "Marc",
    nom: "Gagnon",
    email: "marc.gagnon@example.com",
    telephone: "819-555-0164",
    type_projet: "achat",
    statut: "actif",
    locale: "en",
    invitedDaysAgo: 400,
    transactions: [
      {
        type: "achat",
        progression: 100,
        createdDaysAgo: 400,
        debutDays: -400,
        finDays: -300,
        adresse: "15, chemin du Lac",
        ville: "Gatineau",
        prix_offert: "310000.00",
        prix_accepte: "305000.00",
        etapes: [
          { titre: "Property search", statut: "complete", days: -390 },
          { titre: "Promise to purchase", statut: "complete", days: -360 },
          { titre: "Inspection", statut: "complete", days: -350 },
          { titre: "Financing", statut: "complete", days: -330 },
          { titre: "Notary", statut: "complete", days: -300, heure: "11:00" },
        ],
      },
      {
        type: "vente",
        progression: 10,
        createdDaysAgo: 7,
        debutDays: -7,
        adresse: "15, chemin du Lac",
        ville: "Gatineau",
        etapes: [
          { titre: "Valuation and listing", statut: "en_cours", days: 3, heure: "15:00" },
          { titre: "Showings", statut: "a_planifier" },
          { titre: "Promise to purchase", statut: "a_planifier" },
          { titre: "Notary", statut: "a_planifier" },
        ],
        messages: [
          {
            from: "courtier",
            text: "Hi Marc, I will come by Thursday at 3 pm to value the house.",
            hoursAgo: 20,
            lu: true,
          },
          { from: "client", text: "Perfect, see you then.", hoursAgo: 18, lu: true },
        ],
        taches: [{ titre: "Gather the municipal tax bills", priorite: "moyenne", days: 3 }],
      },
    ],
  },
  {
    prenom: "Julie",
    nom: "Lavoie",
    email: "julie.lavoie@example.org",
    telephone: "514-555-0188",
    type_projet: "vente",
    statut: "inactif",
    locale: "fr",
    invitedDaysAgo: 120,
    transactions: [
      {
        type: "vente",
        progression: 45,
        statut: "annulee",
        createdDaysAgo: 120,
        debutDays: -120,
        adresse: "402, boulevard René-Lévesque",
        ville: "Québec",
        prix_offert: "529000.00",
        etapes: [
          { titre: "Évaluation et mise en marché", statut: "complete", days: -115 },
          { titre: "Visites", statut: "complete", days: -90 },
          { titre: "Promesse d'achat", statut: "complete", days: -70 },
          { titre: "Inspection", statut: "en_cours", days: -60 },
        ],
      },
    ],
  },
  {
    prenom: "Pierre",
    nom: "Bouchard",
    email: "pierre.bouchard@example.com",
    telephone: "450-555-0131",
    type_projet: "location",
    statut: "actif",
    locale: "fr",
    invitedDaysAgo: 12,
    // The broker keeps documents to themself for this client: the portal hides that module.
    flags: { acces_documents: false },
    transactions: [
      {
        type: "location",
        progression: 85,
        createdDaysAgo: 12,
        debutDays: -12,
        adresse: "3300, rue Sherbrooke Est, app. 12",
        ville: "Montréal",
        prix_offert: "1650.00",
        etapes: [
          { titre: "Recherche de logement", statut: "complete", days: -10 },
          { titre: "Visites", statut: "complete", days: -6 },
          { titre: "Demande de location", statut: "complete", days: -4 },
          { titre: "Signature du bail", statut: "planifie", days: 1, heure: "17:00" },
          { titre: "Remise des clés", statut: "a_planifier", days: 20 },
        ],
        messages: [
          {
            from: "client",
            text: "Bonjour, le propriétaire a-t-il accepté ma demande?",
            hoursAgo: 50,
            lu: true,
          },
          {
            from: "courtier",
            text: "Oui! La signature du bail est prévue demain à 17 h.",
            hoursAgo: 5,
            lu: false,
          },
        ],
        taches: [
          {
            titre: "Préparer le premier loyer",
            priorite: "haute",
            categorie: "notaire",
            days: 1,
          },
        ],
      },
    ],
  },
];
