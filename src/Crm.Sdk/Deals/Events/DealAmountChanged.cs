using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>The amount of a deal changed.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="PreviousAmount">The amount before.</param>
/// <param name="Amount">The new amount.</param>
public sealed record DealAmountChanged(DealId DealId, Money PreviousAmount, Money Amount) : DomainEvent;
