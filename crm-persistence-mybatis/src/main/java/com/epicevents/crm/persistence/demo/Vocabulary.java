package com.epicevents.crm.persistence.demo;

import java.text.Normalizer;
import java.util.Locale;

/** The words demo records are made of: names, companies, venues, event kinds and notes. */
final class Vocabulary {
  static final String[] FIRST_NAMES = {
      "Amélie", "Antoine", "Camille", "Chloé", "Clément", "Élodie", "Émile", "François", "Hélène", "Hugo",
      "Inès", "Jules", "Léa", "Louis", "Lucie", "Manon", "Mathis", "Noémie", "Océane", "Raphaël",
      "Sophie", "Théo", "Valentin", "Zoé", "Aaron", "Alice", "Ben", "Charlotte", "Daniel", "Emma",
      "Grace", "Isaac", "Jack", "Laura", "Maria", "Nathan", "Olivia", "Paul", "Rosa", "Samuel",
      "Sara", "Tom", "Yasmine", "Karim", "Mei", "Diego", "Anika", "Tariq"};

  static final String[] LAST_NAMES = {
      "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
      "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
      "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martínez", "Legrand",
      "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "O'Brien", "Nguyen", "Kowalski",
      "Rossi", "Müller", "Schmidt", "Haddad", "Benali", "Okafor", "Silva", "Tanaka"};

  static final String[] COMPANY_WORDS = {
      "Azur", "Horizon", "Lumière", "Cobalt", "Étoile", "Boréal", "Saffron", "Granite", "Velvet", "Orchid",
      "Atlas", "Nimbus", "Riviera", "Quartz", "Sequoia", "Solstice", "Cascade", "Marigold", "Pioneer", "Vertex",
      "Harbor", "Juniper", "Meridian", "Opaline", "Summit", "Tandem", "Verdant", "Zenith", "Alpine", "Bellevue",
      "Crescent", "Delta", "Ember", "Fjord", "Garnet", "Helios", "Indigo", "Kestrel", "Larkspur", "Mosaic"};

  static final String[] COMPANY_KINDS = {
      "Consulting", "Industries", "Technologies", "Group", "Studio", "Partners", "Logistics", "Foods",
      "Pharma", "Bank", "Insurance", "Media", "Architects", "Energy", "Travel", "Fashion"};

  static final String[] VENUES = {
      "Château de Vincennes, Paris", "Pavillon Ledoyen, Paris", "Palais de la Bourse, Marseille",
      "Les Docks, Marseille", "Cité du Vin, Bordeaux", "Hangar 14, Bordeaux", "Halle Tony Garnier, Lyon",
      "Domaine de la Butte, Lyon", "Palais des Congrès, Nantes", "Le Lieu Unique, Nantes",
      "Villa Méditerranée, Nice", "Hôtel Negresco, Nice", "Couvent des Jacobins, Toulouse",
      "Le Bikini, Toulouse", "Palais de la Musique, Strasbourg", "Château de Pourtalès, Strasbourg",
      "Grand Palais, Lille", "Gare Saint-Sauveur, Lille", "Domaine du Tertre, Margaux",
      "Abbaye de Royaumont, Asnières-sur-Oise", "Manoir de la Poterie, Honfleur", "Le Couvent, Montpellier",
      "Corum, Montpellier", "Casino Barrière, Deauville", "Chalet Les Aiglons, Chamonix",
      "Mas de la Rose, Eygalières", "Salle Wagram, Paris", "Station F, Paris", "Le Grand Rex, Paris",
      "Centre de Congrès, Annecy"};

  /** Event names: {company} is the client's company, {last} the client's last name. */
  static final String[] EVENT_NAMES = {
      "{company} annual gala", "{company} product launch", "{company} seminar", "{company} Christmas party",
      "{company} team building", "{company} shareholders' meeting", "{company} summer party",
      "{company} awards night", "{last} wedding", "{last} family reunion", "{last} birthday party",
      "Charity dinner hosted by {company}", "{company} customer day", "{company} 10th anniversary"};

  static final String[] NOTES = {
      "Vegetarian and vegan menus requested.",
      "Needs a stage, a sound system and two wireless microphones.",
      "Parking for about 40 cars.",
      "Client prefers to be contacted by e-mail.\nInvoice to the finance department.",
      "Outdoor reception if the weather allows; indoor fallback booked.",
      "DJ until 2 a.m.; the venue closes at 3 a.m.",
      "Wheelchair access needed for several guests.",
      "Photographer and video team supplied by the client.",
      "Cocktail at 7 p.m., dinner at 8:30 p.m.\nSpeeches before dessert.",
      "Allergy list to follow (nuts, shellfish)."};

  static final String[] FIRST_NAMES_ASCII = ascii(FIRST_NAMES);
  static final String[] LAST_NAMES_ASCII = ascii(LAST_NAMES);
  static final String[] COMPANY_WORDS_ASCII = ascii(COMPANY_WORDS);
  static final String[] COMPANY_KINDS_ASCII = ascii(COMPANY_KINDS);

  private Vocabulary() {}

  private static String[] ascii(String[] words) {
    String[] plain = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      plain[i] = ascii(words[i]);
    }
    return plain;
  }

  /** Lower-case ASCII letters only, for e-mail addresses and domains ("Lefèvre" → "lefevre"). */
  static String ascii(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
