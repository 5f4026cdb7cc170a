using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Someone with write access to the database file moves or alters ciphertext, or the host starts with the wrong root key:
/// the SDK refuses to read with <see cref="CryptographicIntegrityException"/>, never returning garbage or another
/// customer's data, and says what failed (the record's seal: field <c>sealed</c>) without any plaintext. A record's
/// encrypted fields share one envelope, so a value can only be moved with the whole seal; moving one field's envelope
/// to another field is refused at the envelope level (<c>FieldCipherTests.Value_moved_to_another_field_is_refused</c>).
/// </summary>
public sealed class TamperingTests
{
    /// <summary>A customer's record seal (the one envelope of all its encrypted fields) copied into another customer's document fails authentication.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Seal_copied_to_another_customer_fails_authentication()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, b, _) = await SeedAsync(database, key);
        CopySeal(database, "customers", a.Id.Value, "customers", b.Id.Value);

        await using var host = database.OpenEncrypted(key);
        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(b.Id));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal("customers", error.Collection);
        Assert.Equal(b.Id.Value, error.RecordId);
        Assert.Equal("sealed", error.Field);
        Assert.DoesNotContain(a.Emails[0].Address.Value, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(a.DisplayName, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(a.DisplayName, (await host.Crm.Customers.GetAsync(a.Id)).DisplayName);
    }

    /// <summary>Under the same customer's key, a record seal moved to another record of the same collection fails authentication.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Seal_moved_to_another_record_of_the_same_customer_fails_authentication()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (_, _, interactions) = await SeedAsync(database, key);
        CopySeal(database, "interactions", interactions[0].Id.Value, "interactions", interactions[1].Id.Value);

        await using var host = database.OpenEncrypted(key);
        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Interactions.GetAsync(interactions[1].Id));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "interactions", "sealed", interactions[1].Id.Value), (error.Failure, error.Collection, error.Field, error.RecordId));
        Assert.Equal(interactions[0].Subject, (await host.Crm.Interactions.GetAsync(interactions[0].Id)).Subject);
    }

    /// <summary>
    /// Under the same customer's key, a record seal moved to a document of another collection fails authentication, either way:
    /// the customer's seal in its interaction, the interaction's seal in the customer.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Seal_moved_to_another_collection_fails_authentication()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, _, interactions) = await SeedAsync(database, key);
        CopySeal(database, "customers", a.Id.Value, "interactions", interactions[0].Id.Value);
        CopySeal(database, "interactions", interactions[1].Id.Value, "customers", a.Id.Value);

        await using var host = database.OpenEncrypted(key);
        var inInteraction = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Interactions.GetAsync(interactions[0].Id));
        var inCustomer = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(a.Id));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "interactions", "sealed"), (inInteraction.Failure, inInteraction.Collection, inInteraction.Field));
        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "customers", "sealed"), (inCustomer.Failure, inCustomer.Collection, inCustomer.Field));
    }

    /// <summary>One base64url character changed in a record seal, or a seal cut short, is refused, whichever path reads it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Altered_or_truncated_seal_is_refused()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, b, _) = await SeedAsync(database, key);
        var seal = ReadSeal(database, "customers", a.Id.Value);
        var flipAt = seal.Length - 5;
        var flipped = seal[..flipAt] + (seal[flipAt] == 'A' ? 'B' : 'A') + seal[(flipAt + 1)..];
        SetSeal(database, "customers", a.Id.Value, flipped);
        SetSeal(database, "customers", b.Id.Value, ReadSeal(database, "customers", b.Id.Value)[..40]);

        await using var host = database.OpenEncrypted(key);
        var altered = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(a.Id));
        var truncated = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(b.Id));
        var listed = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.ListAsync(CustomerFilter.All, PageRequest.First));
        var found = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.FindByEmailAsync(a.Emails[0].Address.Value));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "sealed", a.Id.Value), (altered.Failure, altered.Field, altered.RecordId));
        Assert.Equal((CryptographicIntegrityFailure.MalformedEnvelope, "sealed", b.Id.Value), (truncated.Failure, truncated.Field, truncated.RecordId));
        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, found.Failure);
        Assert.Equal("sealed", listed.Field);
    }

    /// <summary>A different root key under the same id cannot unwrap the data keys: <c>KeyUnwrapFailed</c>, naming the root key id.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Different_root_key_under_the_same_id_fails_to_unwrap()
    {
        using var database = new TestDatabase();
        var (a, _, interactions) = await SeedAsync(database, TestDatabase.NewRootKey());

        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        var onCustomer = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(a.Id));
        var onInteraction = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Interactions.GetAsync(interactions[0].Id));

        Assert.All(new[] { onCustomer, onInteraction }, e =>
        {
            Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, e.Failure);
            Assert.Equal("k1", e.KeyId);
            Assert.Contains("root key 'k1'", e.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// A host that knows only another root key id starts (the options are valid) but cannot read the data: each read fails
    /// with <c>UnknownKey</c>, naming the missing root key id and telling to restore it.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Unknown_root_key_id_fails_with_a_message_naming_the_missing_key()
    {
        using var database = new TestDatabase();
        var (a, _, _) = await SeedAsync(database, TestDatabase.NewRootKey());

        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey(), keyId: "k2");

        // Refused at the first call, for reads and lookups alike: a lookup would otherwise silently find nothing.
        var read = await Assert.ThrowsAsync<CrmConfigurationException>(() => host.Crm.Customers.GetAsync(a.Id));
        var lookup = await Assert.ThrowsAsync<CrmConfigurationException>(() => host.Crm.Customers.FindByEmailAsync(a.Emails[0].Address.Value));

        foreach (var error in new[] { read, lookup })
        {
            Assert.Contains("root key(s) 'k1'", error.Message, StringComparison.Ordinal);
            Assert.Contains("Restore those root keys", error.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<(Customer A, Customer B, IReadOnlyList<Interaction> InteractionsOfA)> SeedAsync(TestDatabase database, string rootKey)
    {
        await using var host = database.OpenEncrypted(rootKey);
        var workload = new Workload();
        var a = await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(1));
        var b = await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(2));
        var interactions = await host.Crm.Interactions.CreateManyAsync([workload.InteractionDraft(a, 0), workload.InteractionDraft(a, 1)]);
        return (a, b, interactions);
    }

    private static string ReadSeal(TestDatabase database, string table, Guid id)
    {
        var seal = (string)database.Scalar($"SELECT json_extract(body, '$.sealed') FROM {table} WHERE id = $id", ("$id", TestDatabase.IdBytes(id)))!;
        Assert.StartsWith("ce2:", seal, StringComparison.Ordinal);
        return seal;
    }

    private static void CopySeal(TestDatabase database, string fromTable, Guid fromId, string toTable, Guid toId) =>
        SetSeal(database, toTable, toId, ReadSeal(database, fromTable, fromId));

    private static void SetSeal(TestDatabase database, string table, Guid id, string seal) =>
        Assert.Equal(1, database.Execute($"UPDATE {table} SET body = json_set(body, '$.sealed', $value) WHERE id = $id", ("$value", seal), ("$id", TestDatabase.IdBytes(id))));
}
