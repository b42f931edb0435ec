/// Words around a name that show it names a person: "X said", "X, 45,", "X told reporters".
///
/// A short, general list: the full speech-verb list belongs to quote attribution (`SpeechVerbs`).
enum PersonContext {
    static let reportingVerbs: WordSet = ["said", "says", "told", "added", "stated", "wrote", "explained",
                                              "noted", "argued", "claimed", "asked", "replied", "insisted",
                                              "warned", "announced", "admitted", "recalled", "tweeted",
                                              "confirmed", "denied", "believes", "thinks", "died", "was", "is",
                                              "has", "had", "who", "himself", "herself"]
    /// Of `reportingVerbs`, those that also follow organisations ("Wexley has", "Wexley was").
    static let weakVerbs: WordSet = ["was", "is", "has", "had", "said", "says", "announced", "confirmed",
                                         "denied", "stated", "claimed", "warned", "added", "noted"]
    /// Prepositions after which a lone capitalised word is most often a place: "in Kabul".
    static let placePrepositions: WordSet = ["near", "outside", "across", "throughout"]
    /// "flew to Porto Alegre": verbs of travel before "to" and a place.
    static let travelVerbs: WordSet = ["flew", "fly", "flies", "flying", "travelled", "traveled", "travel",
                                           "travels", "moved", "move", "returned", "return", "went", "go", "goes",
                                           "headed", "fled", "flee", "deported", "evacuated", "relocated",
                                           "sailed", "drove", "marched", "migrated", "emigrated", "arrived",
                                           "sailing", "driving"]
    /// "Wexley creator Dana Fell", "a Wexley spokesperson", "his Chirper account": a lone
    /// name before these words is an organisation.
    static let organizationRoles: WordSet = ["creator", "founder", "co-founder", "cofounder", "owner", "owners",
                                                 "CEO", "spokesman", "spokeswoman", "spokesperson", "official",
                                                 "officials", "employee", "employees", "staff", "staffer",
                                                 "staffers", "executive", "executives", "headquarters", "shares",
                                                 "stock", "subsidiary", "board", "shareholders", "investors",
                                                 "users", "customers", "account", "accounts", "website", "app",
                                                 "platform", "page", "feed", "post", "posts", "engineers",
                                                 "workers", "volunteers", "members", "membership", "leadership",
                                                 "leaders", "chairman", "chairwoman", "boss", "bosses"]
    /// "the Marsh administration": a lone name before these words is a person.
    static let personCollectives: WordSet = ["administration", "government", "family", "era", "years",
                                                 "presidency", "campaign", "cabinet", "estate"]
}
