import type { Locale, StatutEtape, TypeProjet } from "@portail/shared";

// The usual course of a Québec residential transaction, seeded on each new invitation's first
// transaction so the broker can prepare the portal before the client arrives. The broker then
// edits, plans or removes them freely.

interface EtapeCopy {
  titre: string;
  description: string;
}

const ETAPES: Record<TypeProjet, Record<Locale, EtapeCopy[]>> = {
  achat: {
    fr: [
      {
        titre: "Recherche de propriétés",
        description:
          "Définir vos critères, recevoir les propriétés qui y répondent et les visiter.",
      },
      {
        titre: "Promesse d’achat",
        description: "Rédiger la promesse d’achat, la présenter au vendeur et négocier.",
      },
      {
        titre: "Inspection",
        description: "Inspection préachat de la propriété par un inspecteur en bâtiment.",
      },
      {
        titre: "Financement",
        description: "Obtenir l’approbation du prêt hypothécaire auprès de votre prêteur.",
      },
      {
        titre: "Notaire",
        description: "Signature de l’acte de vente chez le notaire — remise des clés.",
      },
    ],
    en: [
      {
        titre: "Property search",
        description: "Set your criteria, receive the matching properties and visit them.",
      },
      {
        titre: "Promise to purchase",
        description: "Write the promise to purchase, present it to the seller and negotiate.",
      },
      {
        titre: "Inspection",
        description: "Pre-purchase inspection of the property by a building inspector.",
      },
      {
        titre: "Financing",
        description: "Get your mortgage approved by your lender.",
      },
      {
        titre: "Notary",
        description: "Signing of the deed of sale at the notary’s office — key handover.",
      },
    ],
  },
  vente: {
    fr: [
      {
        titre: "Évaluation et mise en marché",
        description:
          "Établir le prix de mise en vente, préparer la fiche descriptive et l’affichage.",
      },
      {
        titre: "Visites",
        description: "Visites de la propriété par les acheteurs intéressés.",
      },
      {
        titre: "Offres et négociation",
        description: "Recevoir les promesses d’achat, les analyser et négocier.",
      },
      {
        titre: "Conditions (inspection, financement de l’acheteur)",
        description: "Suivre la levée des conditions de la promesse d’achat acceptée.",
      },
      {
        titre: "Notaire",
        description: "Signature de l’acte de vente chez le notaire — remise des clés.",
      },
    ],
    en: [
      {
        titre: "Valuation and listing",
        description: "Set the asking price, prepare the listing and the marketing.",
      },
      {
        titre: "Showings",
        description: "Interested buyers visit the property.",
      },
      {
        titre: "Offers and negotiation",
        description: "Receive promises to purchase, review them and negotiate.",
      },
      {
        titre: "Conditions (inspection, buyer’s financing)",
        description: "Follow the removal of the conditions of the accepted promise to purchase.",
      },
      {
        titre: "Notary",
        description: "Signing of the deed of sale at the notary’s office — key handover.",
      },
    ],
  },
  location: {
    fr: [
      {
        titre: "Recherche",
        description: "Définir vos critères et repérer les logements qui y répondent.",
      },
      {
        titre: "Visites",
        description: "Visiter les logements retenus.",
      },
      {
        titre: "Demande de location / enquête",
        description:
          "Remplir la demande de location ; le propriétaire vérifie crédit et références.",
      },
      {
        titre: "Signature du bail",
        description:
          "Signature du bail (formulaire obligatoire du Tribunal administratif du logement).",
      },
      {
        titre: "Remise des clés",
        description: "Inspection des lieux à l’entrée et remise des clés.",
      },
    ],
    en: [
      {
        titre: "Search",
        description: "Set your criteria and find the rentals that match them.",
      },
      {
        titre: "Visits",
        description: "Visit the selected rentals.",
      },
      {
        titre: "Rental application / screening",
        description: "Fill in the rental application; the landlord checks credit and references.",
      },
      {
        titre: "Lease signing",
        description:
          "Signing of the lease (the mandatory Tribunal administratif du logement form).",
      },
      {
        titre: "Key handover",
        description: "Move-in walkthrough and key handover.",
      },
    ],
  },
};

export interface DefaultEtape extends EtapeCopy {
  ordre: number;
  statut: StatutEtape;
}

/** The seeded étapes of a transaction type, in order; the first one is under way. */
export function defaultEtapes(type: TypeProjet, locale: Locale): DefaultEtape[] {
  return ETAPES[type][locale].map((etape, index) => ({
    ...etape,
    ordre: index + 1,
    statut: index === 0 ? "en_cours" : "a_planifier",
  }));
}
