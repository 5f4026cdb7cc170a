using Crm.Sdk.Interactions;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>The customer 360° view: everything a sales rep or agent wants to see first, computed in the database.</summary>
public sealed record Customer360
{
    /// <summary>The profile.</summary>
    public required Customer Customer { get; init; }

    /// <summary>How many interactions of each kind (kinds without any are absent).</summary>
    public required IReadOnlyDictionary<InteractionKind, long> InteractionCounts { get; init; }

    /// <summary>The latest interaction of any kind, or <see langword="null"/> when none.</summary>
    public Instant? LastInteractionAt { get; init; }

    /// <summary>The latest email, call, chat or meeting, or <see langword="null"/> when none.</summary>
    public Instant? LastContactAt { get; init; }

    /// <summary>
    /// The total of purchases (the customer's lifetime spend), one total per currency in currency order. A total may
    /// exceed the range of one <see cref="Money"/> (see <see cref="MoneyTotal"/>).
    /// </summary>
    public required IReadOnlyList<MoneyTotal> TotalPurchases { get; init; }

    /// <summary>The total of refunds, one total per currency in currency order.</summary>
    public required IReadOnlyList<MoneyTotal> TotalRefunds { get; init; }

    /// <summary>The number of open deals.</summary>
    public long OpenDeals { get; init; }

    /// <summary>The total amount of the open deals, one total per currency in currency order.</summary>
    public required IReadOnlyList<MoneyTotal> OpenDealAmount { get; init; }

    /// <summary>The number of tickets not yet resolved or closed.</summary>
    public long OpenTickets { get; init; }

    /// <summary>
    /// The average satisfaction on a 1–5 scale over the ticket ratings and five-star feedback ratings,
    /// or <see langword="null"/> when there are none. NPS ratings (0–10) are not mixed in.
    /// </summary>
    public double? AverageSatisfaction { get; init; }

    /// <summary>How many ratings <see cref="AverageSatisfaction"/> is computed from.</summary>
    public long SatisfactionRatings { get; init; }
}
