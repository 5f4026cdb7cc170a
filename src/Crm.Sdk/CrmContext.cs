using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Storage;
using Crm.Sdk.Tickets;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Sdk;

/// <summary>What every service needs besides the store: the clock, the rules from options, and the document mappings.</summary>
internal sealed class CrmContext
{
    public CrmContext(IClock clock, IOptions<CrmOptions> options, AccessPolicy? access = null, Duplicates.DuplicateDetectionOptions? duplicates = null)
    {
        Clock = clock;
        Access = access ?? AccessPolicy.Unrestricted;
        var value = options.Value;
        CustomerPolicy = new CustomerPolicy(value.CustomFields, value.DefaultPhoneRegion);
        Duplicates = duplicates ?? new Duplicates.DuplicateDetectionOptions();
        Customers = new CustomerMapping(CustomerPolicy, clock) { MatchOptions = Duplicates };
        Interactions = new InteractionMapping(clock);
        Pipelines = new PipelineMapping(clock);
        Deals = new DealMapping(clock);
        Tickets = new TicketMapping(clock);
    }

    public IClock Clock { get; }

    /// <summary>What the current actor may do (<see cref="AccessPolicy.Unrestricted"/> without access control).</summary>
    public AccessPolicy Access { get; }

    public CustomerPolicy CustomerPolicy { get; }

    /// <summary>The options of duplicate detection (blocking keys read the birth date and identifier fields they name).</summary>
    public Duplicates.DuplicateDetectionOptions Duplicates { get; }

    public CustomerMapping Customers { get; }

    public InteractionMapping Interactions { get; }

    public PipelineMapping Pipelines { get; }

    public DealMapping Deals { get; }

    public TicketMapping Tickets { get; }

    public static StoreSchema Schema { get; } = new(
    [
        CustomerMapping.Definition,
        InteractionMapping.Definition,
        PipelineMapping.Definition,
        DealMapping.Definition,
        TicketMapping.Definition,
        DomainEventMapping.Collection,
        DataKeyMapping.Collection,
        DataUpgradeStateMapping.Collection,
        global::Crm.Sdk.Duplicates.MergeJournalMapping.Collection,
        StoreKeyMapping.Collection,
        Audit.AuditEntryMapping.Definition,
        Audit.AuditEntryMapping.HeadDefinition,
    ]);

    /// <summary>The data upgrades of stored values, in the order they run (see <see cref="DataUpgradeRunner"/>).</summary>
    public IReadOnlyList<IDataUpgrade> DataUpgrades =>
        [new PhoneUpgrade(Customers), new CustomerTextKeyUpgrade(Customers), new PipelineTextKeyUpgrade(Pipelines), new CustomerNameTokenUpgrade(Customers), new global::Crm.Sdk.Duplicates.CustomerMatchKeyUpgrade(Customers)];

    public Instant Now() => Clock.GetCurrentInstant();
}
