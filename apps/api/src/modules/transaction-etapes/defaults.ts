import type { Locale, TypeProjet } from "@portail/shared";

export interface DefaultEtape {
  titre: string;
  description: string;
}

/**
 * The usual steps of a Québec residential transaction, by type and language: what a broker
 * walks a client through, so a new transaction's portal is meaningful before any edit.
 */
export const DEFAULT_ETAPES: Record<TypeProjet, Record<Locale, DefaultEtape[]>> = {
  achat: {
    fr: [
      { titre: "Recherche de propriété", description: "Visites et choix de la propriété." },
      {
        titre: "Promesse d'achat",
        description: "Rédaction, négociation et acceptation de la promesse d'achat.",
      },
      { titre: "Inspection", description: "Inspection préachat du bâtiment." },
      { titre: "Financement", description: "Approbation finale du prêt hypothécaire." },
      { titre: "Notaire", description: "Signature de l'acte de vente chez le notaire." },
      { titre: "Prise de possession", description: "Remise des clés." },
    ],
    en: [
      { titre: "Property search", description: "Visits and choice of the property." },
      {
        titre: "Promise to purchase",
        description: "Drafting, negotiating and accepting the promise to purchase.",
      },
      { titre: "Inspection", description: "Pre-purchase building inspection." },
      { titre: "Financing", description: "Final mortgage approval." },
      { titre: "Notary", description: "Signing the deed of sale at the notary's office." },
      { titre: "Taking possession", description: "Handing over the keys." },
    ],
  },
  vente: {
    fr: [
      {
        titre: "Évaluation et mise en marché",
        description: "Prix de vente, photos et inscription de la propriété.",
      },
      { titre: "Visites", description: "Visites des acheteurs potentiels." },
      {
        titre: "Promesse d'achat",
        description: "Réception, négociation et acceptation d'une promesse d'achat.",
      },
      { titre: "Inspection", description: "Inspection par l'acheteur." },
      {
        titre: "Levée des conditions",
        description: "Financement de l'acheteur et autres conditions.",
      },
      { titre: "Notaire", description: "Signature de l'acte de vente chez le notaire." },
    ],
    en: [
      { titre: "Valuation and listing", description: "Asking price, photos and listing." },
      { titre: "Showings", description: "Visits by prospective buyers." },
      {
        titre: "Promise to purchase",
        description: "Receiving, negotiating and accepting a promise to purchase.",
      },
      { titre: "Inspection", description: "The buyer's inspection." },
      { titre: "Conditions removed", description: "The buyer's financing and other conditions." },
      { titre: "Notary", description: "Signing the deed of sale at the notary's office." },
    ],
  },
  location: {
    fr: [
      { titre: "Recherche de logement", description: "Critères et sélection des logements." },
      { titre: "Visites", description: "Visites des logements retenus." },
      {
        titre: "Demande de location",
        description: "Formulaire, références et enquête de crédit.",
      },
      { titre: "Signature du bail", description: "Bail du Tribunal administratif du logement." },
      { titre: "Remise des clés", description: "État des lieux et emménagement." },
    ],
    en: [
      { titre: "Home search", description: "Criteria and shortlist of rentals." },
      { titre: "Visits", description: "Visiting the shortlisted rentals." },
      { titre: "Rental application", description: "Application, references and credit check." },
      { titre: "Lease signing", description: "The Tribunal administratif du logement lease." },
      { titre: "Move-in", description: "Inspection of the premises and handing over the keys." },
    ],
  },
};

/** Rows ready to insert into transaction_etapes for a new transaction. */
export function defaultEtapeRows(transactionId: number, type: TypeProjet, locale: Locale) {
  return DEFAULT_ETAPES[type][locale].map((etape, index) => ({
    transaction_id: transactionId,
    titre: etape.titre,
    description: etape.description,
    ordre: index + 1,
    statut: "a_planifier" as const,
  }));
}
