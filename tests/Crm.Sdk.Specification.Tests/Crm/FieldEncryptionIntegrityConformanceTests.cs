using System.Text.Json.Nodes;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Security;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// Someone with write access to the database changes what a record claims, through the provider on the real database:
/// the record's customer, owner or links (its index values, its body, or both), an older seal put back, a seal removed,
/// plaintext injected. With field encryption on, each is refused on read as a <see cref="CryptographicIntegrityException"/>
/// naming the collection and record (findings 1, 2, 6 and 8 of the issue 11 review), and a list can be told to skip such a
/// record and go on.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class FieldEncryptionIntegrityConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private static readonly string BlindIndexKey = Convert.ToBase64String(Enumerable.Range(91, 32).Select(i => (byte)i).ToArray());

    private readonly List<CryptographicIntegrityException> _skipped = [];
    private LegacyRecordHandling _legacy = LegacyRecordHandling.ReadVersion1Seals;
    private UnreadableRecordHandling _unreadable = UnreadableRecordHandling.Throw;
    private readonly SwitchableActor _actor = new();

    /// <summary>An interaction's customer index moved to another customer: that customer's timeline refuses it (it was shown before v2).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Interaction_moved_to_another_customer_by_its_index_is_refused_in_that_timeline()
    {
        var (a, b, interaction) = await SeedAsync();
        await TamperRawAsync("interactions", interaction.Id.Value, d => (d.Body, d.Indexes.Set("customer_id", b.Id.Value)));

        var listed = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(b.Id), PageRequest.First));
        var streamed = await Assert.ThrowsAsync<CryptographicIntegrityException>(async () =>
        {
            await foreach (var unused in Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(b.Id)))
            {
            }
        });

        foreach (var error in new[] { listed, streamed })
        {
            Assert.Equal((CryptographicIntegrityFailure.IndexMismatch, "interactions", interaction.Id.Value, "customer_id"), (error.Failure, error.Collection, error.RecordId, error.Field));
        }

        Assert.Empty((await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(a.Id), PageRequest.First)).Items);
    }

    /// <summary>An interaction moved to another customer in its body and index fails authentication; erasing its real customer shreds it wherever it now sits.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Interaction_moved_to_another_customer_fails_authentication_and_is_shredded_with_its_customer()
    {
        var (a, b, interaction) = await SeedAsync();
        await TamperRawAsync("interactions", interaction.Id.Value, d => (WithMember(d.Body, "customerId", b.Id.Value.ToString()), d.Indexes.Set("customer_id", b.Id.Value)));

        var read = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.GetAsync(interaction.Id));
        var listed = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(b.Id), PageRequest.First));
        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "interactions", interaction.Id.Value), (read.Failure, read.Collection, read.RecordId));
        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, listed.Failure);

        await Crm.Customers.EraseAsync(a.Id);

        var shredded = await Crm.Interactions.GetAsync(interaction.Id);
        Assert.True(shredded.IsErased);
        Assert.Null(shredded.Subject);
        Assert.Null(shredded.Body);
    }

    /// <summary>An interaction relinked to another deal in the database fails authentication.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Interaction_relinked_to_another_deal_fails_authentication()
    {
        var (a, _, interaction) = await SeedAsync();
        var pipeline = await Crm.Pipelines.CreateAsync(TestDrafts.Pipeline());
        var deal = await Crm.Deals.CreateAsync(TestDrafts.Deal(a.Id, pipeline));
        await TamperRawAsync("interactions", interaction.Id.Value, d => (WithMember(d.Body, "dealId", deal.Id.Value.ToString()), d.Indexes.Set("deal_id", deal.Id.Value)));

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.GetAsync(interaction.Id));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "interactions", interaction.Id.Value), (error.Failure, error.Collection, error.RecordId));
    }

    /// <summary>A customer's owner changed in its index only: a list by that owner refuses the record; changed in the body too, the seal fails.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Customer_given_to_another_owner_in_the_database_is_refused()
    {
        var (a, _, _) = await SeedAsync();
        await Crm.Customers.AssignOwnerAsync(a.Id, "alice");
        await TamperRawAsync("customers", a.Id.Value, d => (d.Body, d.Indexes.Set("owner_id", "mallory")));

        var listed = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.ListAsync(new CustomerFilter { OwnerId = "mallory" }, PageRequest.First));
        Assert.Equal((CryptographicIntegrityFailure.IndexMismatch, "customers", a.Id.Value, "owner_id"), (listed.Failure, listed.Collection, listed.RecordId, listed.Field));

        await TamperRawAsync("customers", a.Id.Value, d => (WithMember(d.Body, "ownerId", "mallory"), d.Indexes));
        var read = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.GetAsync(a.Id));
        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, read.Failure);
    }

    /// <summary>
    /// A rep records interactions for customers of their own: the check reads each customer's owner from its seal, never
    /// from the index alone. Given to the rep in the index only, the customer stays out of scope (denied); given in the
    /// body too, its seal fails. Neither writes anything.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Customer_given_to_a_rep_in_the_database_does_not_let_the_rep_record_its_interactions()
    {
        var (a, _, _) = await SeedAsync();
        await Crm.Customers.AssignOwnerAsync(a.Id, "alice");
        await TamperRawAsync("customers", a.Id.Value, d => (d.Body, d.Indexes.Set("owner_id", "mallory")));
        _actor.Current = new CrmActor("mallory", [], [BuiltInRoles.SalesRep]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Interactions.CreateManyAsync([Draft(a, 1)]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crm.Interactions.CreateAsync(Draft(a, 2)));

        await TamperRawAsync("customers", a.Id.Value, d => (WithMember(d.Body, "ownerId", "mallory"), d.Indexes));
        var refused = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.CreateManyAsync([Draft(a, 3)]));
        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "customers", a.Id.Value), (refused.Failure, refused.Collection, refused.RecordId));

        _actor.Current = CrmActor.System;
        Assert.Single(await Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(a.Id)).ToListAsync());
    }

    /// <summary>A customer's older seal put back after an update (rollback of the personal data) fails authentication: the version is bound.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Older_seal_put_back_is_refused()
    {
        var (a, _, _) = await SeedAsync();
        var before = await ExportRawAsync("customers", a.Id.Value);
        var customer = await Crm.Customers.GetAsync(a.Id);
        customer.Rename("Ada Byron");
        await Crm.Customers.UpdateAsync(customer);
        await TamperRawAsync("customers", a.Id.Value, d => (WithMember(d.Body, "sealed", Seal(before.Body)), d.Indexes));

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.GetAsync(a.Id));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "customers", a.Id.Value, "sealed"), (error.Failure, error.Collection, error.RecordId, error.Field));
    }

    /// <summary>
    /// A seal removed, with or without plain members written in its place, is refused; so is a plain member next to a
    /// genuine seal. A host migrating data written before encryption reads such records only when it says so.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Downgrade_to_plaintext_is_refused()
    {
        var (a, b, interaction) = await SeedAsync();
        await TamperRawAsync("customers", a.Id.Value, d => (WithoutMember(d.Body, "sealed"), d.Indexes));
        await TamperRawAsync("customers", b.Id.Value, d => (WithMember(WithoutMember(d.Body, "sealed"), "displayName", "Mallory"), d.Indexes));
        await TamperRawAsync("interactions", interaction.Id.Value, d => (WithMember(d.Body, "subject", "Injected"), d.Indexes));

        var sealRemoved = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.GetAsync(a.Id));
        var injected = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.GetAsync(b.Id));
        var besideSeal = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.GetAsync(interaction.Id));

        Assert.Equal((CryptographicIntegrityFailure.MissingSeal, "customers", a.Id.Value), (sealRemoved.Failure, sealRemoved.Collection, sealRemoved.RecordId));
        Assert.Equal((CryptographicIntegrityFailure.MissingSeal, b.Id.Value), (injected.Failure, injected.RecordId));
        Assert.Equal((CryptographicIntegrityFailure.PlaintextValue, "interactions", "subject"), (besideSeal.Failure, besideSeal.Collection, besideSeal.Field));

        _legacy = LegacyRecordHandling.ReadUnsealedRecords;
        await ReopenAsync();
        Assert.Equal("Mallory", (await Crm.Customers.GetAsync(b.Id)).DisplayName);
    }

    /// <summary>
    /// An interaction's seal removed: by default read as a record Crm.Sdk 1.0 wrote without encrypted values (empty), and
    /// refused once the host reads only the current format (<see cref="LegacyRecordHandling.Refuse"/>).
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Removed_interaction_seal_is_refused_when_legacy_records_are()
    {
        var (_, _, interaction) = await SeedAsync();
        await TamperRawAsync("interactions", interaction.Id.Value, d => (WithoutMember(d.Body, "sealed"), d.Indexes));

        var asLegacy = await Crm.Interactions.GetAsync(interaction.Id);
        Assert.Equal((null, null), (asLegacy.Subject, asLegacy.Body));

        _legacy = LegacyRecordHandling.Refuse;
        await ReopenAsync();
        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.GetAsync(interaction.Id));
        Assert.Equal((CryptographicIntegrityFailure.MissingSeal, "interactions", interaction.Id.Value), (error.Failure, error.Collection, error.RecordId));
    }

    /// <summary>One tampered interaction stops a timeline by default; with <see cref="UnreadableRecordHandling.Skip"/> the rest is returned and the host is told.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task One_tampered_record_does_not_hide_the_rest_when_skipping()
    {
        var (a, _, first) = await SeedAsync();
        var later = await Crm.Interactions.CreateManyAsync([.. Enumerable.Range(1, 4).Select(i => Draft(a, i))]);
        await TamperRawAsync("interactions", later[1].Id.Value, d => (WithMember(d.Body, "sealed", Flipped(Seal(d.Body))), d.Indexes));

        await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(a.Id), PageRequest.First));

        _unreadable = UnreadableRecordHandling.Skip;
        await ReopenAsync();
        var page = await Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(a.Id), PageRequest.First);
        var streamed = new List<Interaction>();
        await foreach (var item in Crm.Interactions.StreamAsync(InteractionFilter.ForCustomer(a.Id)))
        {
            streamed.Add(item);
        }

        Guid[] expected = [first.Id.Value, later[0].Id.Value, later[2].Id.Value, later[3].Id.Value];
        Assert.Equal(expected.Order(), page.Items.Select(i => i.Id.Value).Order());
        Assert.Equal(expected.Order(), streamed.Select(i => i.Id.Value).Order());
        Assert.Equal(2, _skipped.Count);
        Assert.All(_skipped, e => Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, later[1].Id.Value), (e.Failure, e.RecordId)));
        await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Interactions.GetAsync(later[1].Id));
    }

    /// <summary>The wrapped data keys of two customers swapped between their rows: refused at unwrap, naming the data key (finding 4).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Wrapped_keys_swapped_between_rows_are_refused_at_unwrap()
    {
        var (a, b, _) = await SeedAsync();
        var keys = new List<ExportedDocument>();
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            await foreach (var document in store.ExportAsync("data_keys", CancellationToken.None))
            {
                keys.Add(document);
            }
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }

        var keyOfA = keys.Single(k => Member(k.Body, "customerId") == a.Id.Value.ToString());
        var keyOfB = keys.Single(k => Member(k.Body, "customerId") == b.Id.Value.ToString());
        await TamperRawAsync("data_keys", keyOfA.Id, d => (WithMember(d.Body, "wrappedKey", Member(keyOfB.Body, "wrappedKey")), d.Indexes));
        await ReopenAsync();

        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => Crm.Customers.GetAsync(a.Id));

        Assert.Equal((CryptographicIntegrityFailure.KeyUnwrapFailed, keyOfA.Id.ToString()), (error.Failure, error.KeyId));
        Assert.Equal("Grace Hopper", (await Crm.Customers.GetAsync(b.Id)).DisplayName);
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICrmActorAccessor>(_actor);
        builder.AddAccessControl().AddFieldEncryption(o =>
        {
            o.RootKeys.Add(new RootKeyOptions { Id = "conformance", Base64Key = RootKey });
            o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "conformance-index", Base64Key = BlindIndexKey });
            o.LegacyRecords = _legacy;
            o.UnreadableRecords = _unreadable;
            o.UnreadableRecordSkipped = _skipped.Add;
        });
    }

    private static InteractionDraft Draft(Customer customer, int minute) => TestDrafts.Interaction(customer.Id, InteractionKind.Email, NodaTime.Instant.FromUtc(2025, 3, 3, 9, minute)) with
    {
        Subject = $"Message {minute}",
        Body = "Dear Ada,\nthanks.",
    };

    private static string WithMember(string body, string name, string value)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json[name] = value;
        return json.ToJsonString();
    }

    private static string WithoutMember(string body, string name)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.True(json.Remove(name), $"The document has no member '{name}'.");
        return json.ToJsonString();
    }

    private static string Flipped(string seal) => seal[..^5] + (seal[^5] == 'A' ? 'B' : 'A') + seal[^4..];

    private static string Seal(string body) => Member(body, "sealed");

    private static string Member(string body, string name) => JsonNode.Parse(body)![name]!.GetValue<string>();

    private async Task<(Customer A, Customer B, Interaction Interaction)> SeedAsync()
    {
        var a = await Crm.Customers.CreateAsync(TestDrafts.Customer("Ada Lovelace"));
        var b = await Crm.Customers.CreateAsync(TestDrafts.Customer("Grace Hopper"));
        var interaction = await Crm.Interactions.CreateAsync(Draft(a, 0));
        Assert.StartsWith("ce2:", Seal((await ExportRawAsync("interactions", interaction.Id.Value)).Body), StringComparison.Ordinal);
        return (a, b, interaction);
    }

    private sealed class SwitchableActor : ICrmActorAccessor
    {
        public CrmActor? Current { get; set; } = CrmActor.System;
    }
}
