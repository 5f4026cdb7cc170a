using Crm.Sdk.Domain;

namespace Crm.Sdk.Deals.Events;

/// <summary>A deal was won: it reached a closed-won stage.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="StageId">The closed-won stage.</param>
/// <param name="Amount">The amount won.</param>
public sealed record DealWon(DealId DealId, StageId StageId, Money Amount) : DomainEvent;
