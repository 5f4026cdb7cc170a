using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Someone with write access to the database file moves or alters ciphertext, or the host starts with the wrong root key:
/// the SDK refuses to read with <see cref="CryptographicIntegrityException"/>, never returning garbage or another
/// customer's data, and says what failed without any plaintext.
/// </summary>
public sealed class TamperingTests
{
    private static string ReadEnvelope(string table) => $"SELECT json_extract(body, $path) FROM {table} WHERE id = $id";

    /// <summary>An email envelope copied from one customer's document into another's fails authentication.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Envelope_copied_to_another_customer_fails_authentication()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, b, _) = await SeedAsync(database, key);
        CopyEnvelope(database, "customers", "$.sealed.emails", a.Id.Value, "$.sealed.emails", b.Id.Value);

        await using var host = database.OpenEncrypted(key);
        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(b.Id));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal("customers", error.Collection);
        Assert.Equal(b.Id.Value, error.RecordId);
        Assert.Equal("emails", error.Field);
        Assert.DoesNotContain(a.Emails[0].Address.Value, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(a.DisplayName, (await host.Crm.Customers.GetAsync(a.Id)).DisplayName);
    }

    /// <summary>Under the same customer's key, an envelope moved to another field, or to another record, fails authentication.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Envelope_moved_to_another_field_or_record_of_the_same_customer_fails_authentication()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, _, interactions) = await SeedAsync(database, key);
        CopyEnvelope(database, "customers", "$.sealed.emails", a.Id.Value, "$.sealed.phones", a.Id.Value);
        CopyEnvelope(database, "interactions", "$.sealed.subject", interactions[0].Id.Value, "$.sealed.subject", interactions[1].Id.Value);

        await using var host = database.OpenEncrypted(key);
        var onField = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(a.Id));
        var onRecord = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Interactions.GetAsync(interactions[1].Id));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "phones"), (onField.Failure, onField.Field));
        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "subject", interactions[1].Id.Value), (onRecord.Failure, onRecord.Field, onRecord.RecordId));
        Assert.Equal(interactions[0].Subject, (await host.Crm.Interactions.GetAsync(interactions[0].Id)).Subject);
    }

    /// <summary>One base64url character changed in an envelope, or an envelope cut short, is refused, whichever path reads it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Altered_or_truncated_envelope_is_refused()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        var (a, b, _) = await SeedAsync(database, key);
        var sql = ReadEnvelope("customers");
        var envelope = (string)database.Scalar(sql, ("$path", "$.sealed.display_name"), ("$id", TestDatabase.IdBytes(a.Id.Value)))!;
        var flipAt = envelope.Length - 5;
        var flipped = envelope[..flipAt] + (envelope[flipAt] == 'A' ? 'B' : 'A') + envelope[(flipAt + 1)..];
        SetEnvelope(database, "customers", "$.sealed.display_name", a.Id.Value, flipped);
        var other = (string)database.Scalar(sql, ("$path", "$.sealed.addresses"), ("$id", TestDatabase.IdBytes(b.Id.Value)))!;
        SetEnvelope(database, "customers", "$.sealed.addresses", b.Id.Value, other[..40]);

        await using var host = database.OpenEncrypted(key);
        var altered = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(a.Id));
        var truncated = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.GetAsync(b.Id));
        var listed = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.SearchAsync(CustomerSearch.All, PageRequest.First));
        var found = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => host.Crm.Customers.FindByEmailAsync(a.Emails[0].Address.Value));

        Assert.Equal((CryptographicIntegrityFailure.AuthenticationFailed, "display_name"), (altered.Failure, altered.Field));
        Assert.Equal((CryptographicIntegrityFailure.MalformedEnvelope, "addresses"), (truncated.Failure, truncated.Field));
        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, found.Failure);
        Assert.NotNull(listed.Field);
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
        var interactions = await host.Crm.Interactions.RecordBatchAsync([workload.InteractionDraft(a, 0), workload.InteractionDraft(a, 1)]);
        return (a, b, interactions);
    }

    private static void CopyEnvelope(TestDatabase database, string table, string fromPath, Guid fromId, string toPath, Guid toId)
    {
        var envelope = (string)database.Scalar( ReadEnvelope(table), ("$path", fromPath), ("$id", TestDatabase.IdBytes(fromId)))!;
        Assert.StartsWith("ce1:", envelope, StringComparison.Ordinal);
        SetEnvelope(database, table, toPath, toId, envelope);
    }

    private static void SetEnvelope(TestDatabase database, string table, string path, Guid id, string envelope) =>
        Assert.Equal(1, database.Execute($"UPDATE {table} SET body = json_set(body, $path, $value) WHERE id = $id", ("$path", path), ("$value", envelope), ("$id", TestDatabase.IdBytes(id))));
}
