namespace Crm.Sdk.Benchmarks.Data;

/// <summary>Word lists for realistic-looking names and text.</summary>
internal static class Words
{
    public static readonly string[] GivenNames =
    [
        "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Dennis", "Ken", "Frances", "John", "Radia",
        "Tim", "Linus", "Guido", "Anders", "Bjarne", "Hedy", "Katherine", "Dorothy", "Mary", "Niklaus", "Leslie", "Sophie",
        "Lukas", "Emma", "Mateo", "Olivia", "Noah", "Amelia", "Hugo", "Chloé", "Yuki", "Wei", "Priya", "Omar", "Fatima", "Lars",
    ];

    public static readonly string[] FamilyNames =
    [
        "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Ritchie", "Thompson", "Allen", "Backus",
        "Perlman", "Berners-Lee", "Torvalds", "van Rossum", "Hejlsberg", "Stroustrup", "Lamarr", "Johnson", "Vaughan", "Jackson",
        "Wirth", "Lamport", "Wilson", "Müller", "Schmidt", "García", "Rossi", "Dubois", "Nakamura", "Chen", "Sharma", "Haddad",
    ];

    public static readonly string[] Domains = ["example.com", "example.org", "mail.example.net", "corp.example.io", "shop.example.de"];

    public static readonly string[] Cities = ["London", "Paris", "Berlin", "Madrid", "Rome", "Tokyo", "Toronto", "Sydney", "Zurich"];

    public static readonly string[] Topics =
    [
        "invoice", "delivery", "renewal", "upgrade", "onboarding", "pricing", "contract", "warranty", "integration", "training",
        "support plan", "order", "return", "quote", "subscription", "account access", "data export", "shipment", "discount",
    ];

    public static readonly string[] SubjectOpeners =
    [
        "Question about the", "Follow-up on your", "Re: your", "Update regarding the", "Request for a new", "Problem with the",
        "Confirmation of the", "Reminder: upcoming", "Feedback on the", "Next steps for the",
    ];

    public static readonly string[] Filler =
    [
        "thanks", "for", "the", "quick", "reply", "we", "would", "like", "to", "schedule", "a", "call", "next", "week", "about",
        "our", "current", "plan", "and", "the", "pricing", "of", "additional", "seats", "please", "find", "attached", "updated",
        "proposal", "with", "delivery", "dates", "customer", "mentioned", "that", "their", "team", "is", "evaluating", "options",
        "budget", "approval", "expected", "by", "end", "of", "quarter", "invoice", "number", "reference", "order", "shipped",
        "tracking", "details", "will", "follow", "shortly", "let", "me", "know", "if", "you", "have", "any", "questions",
    ];

    public static readonly string[] Events = ["page-view", "add-to-cart", "checkout-started", "campaign-click", "newsletter-open", "search"];
}
