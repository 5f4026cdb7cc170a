using Crm.Sdk.Customers;
using Crm.Sdk.Pipelines;

namespace Crm.Sdk.Deals;

/// <summary>
/// Which deals <see cref="IDealService.ListAsync"/> and <see cref="IDealService.StreamAsync"/> return, newest first; every
/// criterion is optional and they combine with AND.
/// </summary>
public sealed record DealFilter
{
    /// <summary>Every deal.</summary>
    public static DealFilter All { get; } = new();

    /// <summary>Only deals of this pipeline.</summary>
    public Id<Pipeline>? PipelineId { get; init; }

    /// <summary>Only deals in this stage.</summary>
    public Id<PipelineStage>? StageId { get; init; }

    /// <summary>Only this customer's deals.</summary>
    public Id<Customer>? CustomerId { get; init; }

    /// <summary>Only deals with this status.</summary>
    public DealStatus? Status { get; init; }

    /// <summary>Only deals owned by this user of the host.</summary>
    public string? OwnerId { get; init; }
}
