using Crm.Sdk.Audit;
using Crm.Sdk.Security;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Audit;

/// <summary>The canonical encoding of an audit entry, pinned by a known answer, and the denial hook of the access policy.</summary>
public sealed class AuditEntryHashTests
{
    private static readonly AuditEntry Fixed = new(
        Guid.Parse("0190a0b0-0000-7000-8000-0000000000ff"),
        1,
        Instant.FromUtc(2025, 1, 1, 0, 0),
        "alice",
        AuditAction.Update,
        CrmResource.Customers,
        AuditOutcome.Succeeded,
        [Guid.Parse("0190a0b0-0000-7000-8000-000000000001")],
        ["CustomerRenamed"],
        new string('0', 64),
        string.Empty);

    /// <summary>A fixed entry hashes to a fixed SHA-256 (computed independently from the documented encoding).</summary>
    [Fact]
    public void Fixed_entry_has_the_known_hash() =>
        Assert.Equal("3c7c03f0e9dabcc5592b4d47db7ece3b7db3b618d835fb4ed9c860c0dc218996", AuditEntryMapping.ComputeHash(Fixed));

    /// <summary>The id and the stored hash are not part of the encoding; every other field is.</summary>
    [Fact]
    public void Every_recorded_field_is_hashed()
    {
        var hash = AuditEntryMapping.ComputeHash(Fixed);
        Assert.Equal(hash, AuditEntryMapping.ComputeHash(Fixed with { Id = Guid.NewGuid(), Hash = "x" }));
        AuditEntry[] changed =
        [
            Fixed with { Sequence = 2 },
            Fixed with { At = Fixed.At + Duration.FromTicks(1) },
            Fixed with { ActorId = "bob" },
            Fixed with { Action = AuditAction.Delete },
            Fixed with { Resource = CrmResource.Deals },
            Fixed with { Outcome = AuditOutcome.Denied },
            Fixed with { RecordIds = [] },
            Fixed with { Fields = ["CustomerRenamed", "CustomerOwnerAssigned"] },
            Fixed with { Fields = [] },
            Fixed with { PreviousHash = new string('1', 64) },
            Fixed with { ActorId = "alic", Fields = ["eCustomerRenamed"] },
        ];
        Assert.All(changed, e => Assert.NotEqual(hash, AuditEntryMapping.ComputeHash(e)));
    }

    /// <summary>A stored entry reads back as written, hash included.</summary>
    [Fact]
    public void Entry_round_trips_through_its_document()
    {
        var entry = Fixed with { Hash = AuditEntryMapping.ComputeHash(Fixed) };
        var read = AuditEntryMapping.Read(new ProviderKit.StoredDocument(entry.Id, 1, AuditEntryMapping.Serialize(entry)));
        Assert.Equal(entry.Hash, AuditEntryMapping.ComputeHash(read));
        Assert.Equal((entry.Sequence, entry.At, entry.ActorId, entry.Action, entry.Resource, entry.Outcome, entry.PreviousHash), (read.Sequence, read.At, read.ActorId, read.Action, read.Resource, read.Outcome, read.PreviousHash));
        Assert.Equal(entry.RecordIds, read.RecordIds);
        Assert.Equal(entry.Fields, read.Fields);
    }

    /// <summary>A denied attempt goes to the audit sink, and the caller still gets the same denial.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Denied_attempt_is_reported_to_the_sink()
    {
        var sink = new Sink();
        var options = new AccessControlOptions();
        var actor = new CrmActor("viewer-1", roles: [BuiltInRoles.Auditor]);
        var policy = AccessPolicy.Create(new Accessor(actor), new OptionsTeamDirectory(Options.Create(options)), options, () => sink);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(async () => await policy.ScopeAsync(CrmResource.Customers, CrmAction.Delete, CancellationToken.None));

        Assert.NotNull(denied);
        Assert.Equal([("viewer-1", CrmResource.Customers, CrmAction.Delete)], sink.Denied);
        await policy.ScopeAsync(CrmResource.Audit, CrmAction.Read, CancellationToken.None);
        Assert.Single(sink.Denied);
    }

    private sealed class Accessor(CrmActor actor) : ICrmActorAccessor
    {
        public CrmActor? Current => actor;
    }

    private sealed class Sink : IAccessAuditSink
    {
        public List<(string?, CrmResource, CrmAction)> Denied { get; } = [];

        public Task RecordDeniedAsync(CrmActor? actor, CrmResource resource, CrmAction action, Guid? recordId, CancellationToken cancellationToken)
        {
            Denied.Add((actor?.UserId, resource, action));
            return Task.CompletedTask;
        }
    }
}
