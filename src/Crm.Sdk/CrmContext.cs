using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Sdk;

/// <summary>What every service needs besides the store: the clock, the rules from options, and the document mappings.</summary>
internal sealed class CrmContext
{
    public CrmContext(IClock clock, IOptions<CrmOptions> options)
    {
        Clock = clock;
        var value = options.Value;
        CustomerPolicy = new CustomerPolicy(value.CustomFields, value.DefaultPhoneRegion);
    }

    public IClock Clock { get; }

    public CustomerPolicy CustomerPolicy { get; }

    public CustomerMapping Customers { get; } = new();

    public InteractionMapping Interactions { get; } = new();

    public PipelineMapping Pipelines { get; } = new();

    public DealMapping Deals { get; } = new();

    public TicketMapping Tickets { get; } = new();

    public static StoreSchema Schema { get; } = new(
    [
        new CustomerMapping().Collection,
        new InteractionMapping().Collection,
        new PipelineMapping().Collection,
        new DealMapping().Collection,
        new TicketMapping().Collection,
        DomainEventMapping.Collection,
        DataKeyMapping.Collection,
        DataUpgradeStateMapping.Collection,
    ]);

    /// <summary>The data upgrades of stored values, in the order they run (see <see cref="DataUpgradeRunner"/>).</summary>
    public IReadOnlyList<IDataUpgrade> DataUpgrades => [new PhoneUpgrade(Customers)];

    public Instant Now() => Clock.GetCurrentInstant();
}
