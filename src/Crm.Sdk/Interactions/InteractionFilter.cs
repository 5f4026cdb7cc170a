using Crm.Sdk.Customers;
using NodaTime;

namespace Crm.Sdk.Interactions;

/// <summary>
/// Which interactions of one customer's timeline <see cref="IInteractionService.ListAsync"/> and
/// <see cref="IInteractionService.StreamAsync"/> return, newest first; criteria combine with AND.
/// </summary>
public sealed record InteractionFilter
{
    /// <summary>The customer whose timeline is read.</summary>
    public required Id<Customer> CustomerId { get; init; }

    /// <summary>Only these kinds; <see langword="null"/> or empty for every kind.</summary>
    public IReadOnlyCollection<InteractionKind>? Kinds { get; init; }

    /// <summary>Only interactions that occurred at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Only interactions that occurred before this instant.</summary>
    public Instant? To { get; init; }

    /// <summary>Every interaction of one customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>A filter for the customer's whole timeline.</returns>
    public static InteractionFilter ForCustomer(Id<Customer> customerId) => new() { CustomerId = customerId };
}
