using Crm.Sdk.Domain;
using NodaTime;

namespace Crm.Sdk.Deals.Events;

/// <summary>The expected close date of a deal changed.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="ExpectedCloseDate">The new date, or <see langword="null"/> when cleared.</param>
public sealed record DealExpectedCloseDateChanged(DealId DealId, LocalDate? ExpectedCloseDate) : DomainEvent;
