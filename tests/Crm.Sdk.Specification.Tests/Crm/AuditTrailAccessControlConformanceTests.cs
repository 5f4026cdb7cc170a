using Crm.Sdk.Audit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The audit trail with access control on: denied attempts are recorded on their own, reads of personal records are
/// recorded with the ids read, and reading the trail needs the auditor's permissions.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class AuditTrailAccessControlConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly CrmActor Auditor = new("ivy", roles: [BuiltInRoles.Auditor]);

    private readonly SwitchableActor _actor = new();

    private IAuditTrail Audit => Services.GetRequiredService<IAuditTrail>();

    /// <summary>An actor without audit.read is denied the trail, and the denial is an entry of its own.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Denied_attempt_is_recorded_on_its_own()
    {
        _actor.Current = new CrmActor("mallory", roles: [BuiltInRoles.ReadOnly]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Audit.ListAsync(AuditFilter.All, PageRequest.First));
        _actor.Current = null;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Audit.VerifyAsync());

        _actor.Current = Auditor;
        var entries = (await Audit.ListAsync(AuditFilter.All, PageRequest.First)).Items;

        Assert.Equal(
            [("mallory", AuditAction.Read, CrmResource.Audit, AuditOutcome.Denied), ("(none)", AuditAction.Read, CrmResource.Audit, AuditOutcome.Denied)],
            entries.Select(e => (e.ActorId, e.Action, e.Resource, e.Outcome)));
        Assert.True((await Audit.VerifyAsync()).IsIntact);
    }

    /// <summary>Reads of personal records are recorded with the ids read, as the acting user; pipeline reads are not.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Reads_of_personal_records_are_recorded()
    {
        _actor.Current = CrmActor.System;
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Read Me"));
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());

        await Crm.Customers.GetAsync(customer.Id);
        await Crm.Customers.ListAsync(new Customers.CustomerFilter(), PageRequest.First);
        await Crm.Pipelines.GetAsync(pipeline.Id);

        _actor.Current = Auditor;
        var reads = (await Audit.ListAsync(AuditFilter.All, new PageRequest(100))).Items.Where(e => e.Action == AuditAction.Read).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal((CrmActor.SystemUserId, CrmResource.Customers, AuditOutcome.Succeeded), (r.ActorId, r.Resource, r.Outcome)));
        Assert.All(reads, r => Assert.Equal([customer.Id.Value], r.RecordIds));
        Assert.Equal(2, (await Audit.ListAsync(new AuditFilter { RecordId = customer.Id.Value, ActorId = CrmActor.SystemUserId }, new PageRequest(100))).Items.Count(e => e.Action == AuditAction.Read));
    }

    /// <summary>
    /// A read's entry waits (here up to a minute, so only disposal can write it) and is written when the SDK is disposed,
    /// with the time of the read, not of the write.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Waiting_read_entries_are_written_when_the_sdk_is_disposed()
    {
        _actor.Current = CrmActor.System;
        var customer = await Crm.Customers.CreateAsync(TestDrafts.Customer("Read Me"));
        var before = Clock.GetCurrentInstant();
        await Crm.Customers.GetAsync(customer.Id);
        var after = Clock.GetCurrentInstant();

        await ReopenAsync();
        _actor.Current = Auditor;
        var read = Assert.Single((await Audit.ListAsync(AuditFilter.All, new PageRequest(100))).Items, e => e.Action == AuditAction.Read);

        Assert.Equal([customer.Id.Value], read.RecordIds);
        Assert.InRange(read.At, before, after);
        Assert.True((await Audit.VerifyAsync()).IsIntact);
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl().AddAuditTrail(o => o.ReadEntryDelay = TimeSpan.FromMinutes(1));
    }

    private sealed class SwitchableActor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }
}
