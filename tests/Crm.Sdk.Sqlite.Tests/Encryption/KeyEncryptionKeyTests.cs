using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// Field encryption v2 on a real SQLite file: data keys wrapped by a host key-encryption key that only wraps and unwraps
/// (a KMS), wrapped keys bound to their row, blind-index keys of their own with a length per field.
/// </summary>
public sealed class KeyEncryptionKeyTests
{
    private static readonly string BlindKey = TestDatabase.NewRootKey();

    /// <summary>
    /// The quick start flow with a KMS holding the key-encryption key: create, interactions, find by email, timeline, erase.
    /// Every data key is wrapped by the KMS key (format 2), no personal text reaches the file, and the indexes are version 2.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Quick_start_flow_runs_with_a_kms_that_only_wraps_and_unwraps()
    {
        using var database = new TestDatabase();
        var kms = new KmsStub();
        Customer ada;
        await using (var host = database.Open(WithBlindIndexKey, kms))
        {
            ada = await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, GivenName = "Ada", FamilyName = "Lovelace", Emails = ["ada.lovelace@example.com"], Phones = ["+44 20 7946 0018"] });
            await host.Crm.Interactions.CreateAsync(Note(ada, "Renewal call with Ada"));
            await host.Crm.Interactions.CreateAsync(Note(ada, "Sent the analytical engine brochure"));
        }

        Assert.Equal(["kms-key-1"], database.Column("SELECT DISTINCT json_extract(body, '$.rootKeyId') FROM data_keys"));
        Assert.Equal(["2"], database.Column("SELECT DISTINCT CAST(json_extract(body, '$.format') AS TEXT) FROM data_keys"));
        Assert.All(database.Column("SELECT value FROM customers__emails"), v => Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{6}$", v));
        Assert.Empty(RawFile.FindTexts(database.Path, ["ada.lovelace@example.com", "Lovelace", "Renewal call", "brochure"]));

        // A new process: its data keys are unwrapped by the KMS again.
        var callsBefore = kms.Calls;
        await using (var host = database.Open(WithBlindIndexKey, kms))
        {
            var found = Assert.Single(await host.Crm.Customers.FindByEmailAsync("Ada.Lovelace@example.com"));
            Assert.Equal(ada.Id, found.Id);
            Assert.Equal("Ada Lovelace", found.DisplayName);
            var timeline = await host.Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ada.Id), PageRequest.First);
            Assert.Equal(["Renewal call with Ada", "Sent the analytical engine brochure"], timeline.Items.Select(i => i.Subject).Order(StringComparer.Ordinal));
            Assert.True(kms.Calls > callsBefore);

            await host.Crm.Customers.EraseAsync(ada.Id);
            Assert.True((await host.Crm.Customers.GetAsync(ada.Id)).IsErased);
            Assert.Empty(await host.Crm.Customers.FindByEmailAsync("ada.lovelace@example.com"));
            Assert.All((await host.Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(ada.Id), PageRequest.First)).Items, i => Assert.True(i.IsErased));
        }
    }

    /// <summary>The KMS registration shown in docs/articles/field-encryption.md, compiled and run.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Kms_registration_example_from_the_documentation_works()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        var path = database.Path;
        var myKms = new KmsStub();
        var blindIndexKey = TestDatabase.NewRootKey();

        // <kms-registration>
        services.AddSingleton<IKeyEncryptionKeyProvider>(myKms);   // over your KMS client: wrap and unwrap calls only
        services.AddCrm()
            .UseSqlite(path)
            .AddFieldEncryption(e => e.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "idx-2025", Base64Key = blindIndexKey }));
        // </kms-registration>

        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var ada = await crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Ada", Emails = ["ada@example.org"] });
        Assert.Equal(ada.Id, Assert.Single(await crm.Customers.FindByEmailAsync("ADA@example.org")).Id);
        Assert.True(myKms.Calls > 0);
    }

    /// <summary>With a KMS and no blind-index key, resolving the CRM is a configuration error naming the option.</summary>
    [Fact]
    public void Kms_without_a_blind_index_key_is_a_configuration_error_naming_the_option()
    {
        using var database = new TestDatabase();
        using var services = database.Open(_ => { }, new KmsStub()).Services;

        var error = Assert.Throws<CrmConfigurationException>(() => services.GetRequiredService<ICrm>());

        Assert.Contains("FieldEncryptionOptions.BlindIndexKeys is empty", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rotating the KMS key: the data keys are re-wrapped by the new KMS key and everything still reads.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Kms_key_rotation_rewraps_every_data_key()
    {
        using var database = new TestDatabase();
        var kms = new KmsStub("kms-2025");
        Customer first;
        await using (var host = database.Open(WithBlindIndexKey, kms))
        {
            first = await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(1));
            await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(2));
        }

        kms.Rotate("kms-2026");
        await using var rotated = database.Open(WithBlindIndexKey, kms);
        var result = await rotated.Services.GetRequiredService<IEncryptionMaintenance>().RewrapDataKeysAsync();

        Assert.Equal(2, result.Changed);
        Assert.Equal(["kms-2026"], database.Column("SELECT DISTINCT root_key_id FROM data_keys"));
        Assert.Equal(first.DisplayName, (await rotated.Crm.Customers.GetAsync(first.Id)).DisplayName);
    }

    /// <summary>
    /// Someone with write access swaps the wrapped keys of two customers' data_keys rows. The key-encryption key accepts both,
    /// but each names another data key and customer: reading fails with <c>KeyUnwrapFailed</c> naming the data key, never
    /// later as a seal authentication error.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Wrapped_keys_swapped_between_rows_fail_to_unwrap_naming_the_data_key()
    {
        using var database = new TestDatabase();
        var rootKey = TestDatabase.NewRootKey();
        Customer a, b;
        await using (var host = database.OpenEncrypted(rootKey))
        {
            a = await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(1));
            b = await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(2));
        }

        var keyOfA = DataKeyIdOf(database, a.Id);
        var keyOfB = DataKeyIdOf(database, b.Id);
        var wrappedA = WrappedKeyOf(database, keyOfA);
        var wrappedB = WrappedKeyOf(database, keyOfB);
        SetWrappedKey(database, keyOfA, wrappedB);
        SetWrappedKey(database, keyOfB, wrappedA);

        await using var reopened = database.OpenEncrypted(rootKey);
        var error = await Assert.ThrowsAsync<CryptographicIntegrityException>(() => reopened.Crm.Customers.GetAsync(a.Id));

        Assert.Equal(CryptographicIntegrityFailure.KeyUnwrapFailed, error.Failure);
        Assert.Equal(keyOfA.ToString(), error.KeyId);
        Assert.Contains($"Data key {keyOfA}", error.Message, StringComparison.Ordinal);
        Assert.Contains("moved from another row", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Data keys wrapped in format 1 (the 32-byte key alone, before version 2) still read; <c>RewrapDataKeysAsync</c> rewrites
    /// them in format 2 under the same root key, and a second run finds nothing left to do.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Format_1_wrapped_keys_read_and_are_rewritten_in_format_2()
    {
        using var database = new TestDatabase();
        var rootKey = TestDatabase.NewRootKey();
        var customers = new List<Customer>();
        await using (var host = database.OpenEncrypted(rootKey))
        {
            for (var i = 0; i < 3; i++)
            {
                customers.Add(await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(i)));
            }
        }

        var ids = customers.Select(c => c.Id).ToList();

        // Turn every row into what version 1 wrote: RFC 5649 of the data key alone, no format member.
        using (var aes = Aes.Create())
        {
            aes.Key = Convert.FromBase64String(rootKey);
            foreach (var id in ids)
            {
                var keyId = DataKeyIdOf(database, id);
                var dataKey = aes.DecryptKeyWrapPadded(Convert.FromBase64String(WrappedKeyOf(database, keyId)))[..32];
                SetWrappedKey(database, keyId, Convert.ToBase64String(aes.EncryptKeyWrapPadded(dataKey)));
                database.Execute("UPDATE data_keys SET body = json_remove(body, '$.format') WHERE id = $id", ("$id", TestDatabase.IdBytes(keyId)));
            }
        }

        await using var host2 = database.OpenEncrypted(rootKey);
        Assert.Equal(customers[0].DisplayName, (await host2.Crm.Customers.GetAsync(ids[0])).DisplayName);
        var maintenance = host2.Services.GetRequiredService<IEncryptionMaintenance>();

        Assert.Equal(3, (await maintenance.RewrapDataKeysAsync()).Changed);
        Assert.Equal(0, (await maintenance.RewrapDataKeysAsync()).Changed);
        Assert.Equal(["2"], database.Column("SELECT DISTINCT CAST(json_extract(body, '$.format') AS TEXT) FROM data_keys"));
        Assert.All(ids, id => Assert.Equal(72, Convert.FromBase64String(WrappedKeyOf(database, DataKeyIdOf(database, id))).Length));
        await using var host3 = database.OpenEncrypted(rootKey);
        Assert.Equal(customers[2].DisplayName, (await host3.Crm.Customers.GetAsync(ids[2])).DisplayName);
    }

    /// <summary>
    /// A host that configured only root keys (version 1 indexes, "bi1:") adds a blind-index key: old customers stay findable by
    /// email, phone and name until the refresh, which moves every customer to the new key ("bi2:"); they are found after it.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Legacy_root_key_indexes_stay_findable_until_the_refresh_moves_them_to_the_blind_index_key()
    {
        using var database = new TestDatabase();
        var rootKey = TestDatabase.NewRootKey();
        Customer legacy;
        await using (var host = database.OpenEncrypted(rootKey))
        {
            legacy = await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Grace Hopper", Emails = ["grace@example.com"], Phones = ["+44 20 7946 0101"] });
        }

        Assert.All(database.Column("SELECT value FROM customers__emails"), v => Assert.StartsWith("bi1:k1:", v, StringComparison.Ordinal));

        await using var upgraded = database.OpenEncrypted(rootKey, configure: WithBlindIndexKey);
        var crm = upgraded.Crm;
        Assert.Equal(legacy.Id, Assert.Single(await crm.Customers.FindByEmailAsync("grace@example.com")).Id);
        Assert.Equal(legacy.Id, Assert.Single(await crm.Customers.FindByPhoneAsync("020 7946 0101")).Id);
        Assert.Equal(legacy.Id, Assert.Single((await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "hop" }, PageRequest.First)).Items).Id);

        var result = await upgraded.Services.GetRequiredService<IEncryptionMaintenance>().RefreshBlindIndexesAsync();

        Assert.Equal(1, result.Changed);
        Assert.All(database.Column("SELECT value FROM customers__emails"), v => Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{6}$", v));
        Assert.Equal(legacy.Id, Assert.Single(await crm.Customers.FindByEmailAsync("GRACE@example.com")).Id);
        Assert.Equal(legacy.Id, Assert.Single((await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "grac" }, PageRequest.First)).Items).Id);
    }

    /// <summary>
    /// Changing the e-mail index length keeps lookups working: before the refresh the previous length is searched too; the
    /// refresh re-indexes every customer in the new length, and a new process finds them with the new length alone.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Changing_a_length_loses_no_lookup_before_or_after_the_refresh()
    {
        using var database = new TestDatabase();
        var rootKey = TestDatabase.NewRootKey();
        var ids = new List<CustomerId>();
        await using (var host = database.OpenEncrypted(rootKey, configure: e => WithBlindIndexKey(e, emailBits: 64)))
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add((await host.Crm.Customers.CreateAsync(Workload.CustomerDraft(i))).Id);
            }
        }

        Assert.All(database.Column("SELECT value FROM customers__emails"), v => Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{11}$", v));
        var email = Workload.CustomerDraft(1).Emails[0].Value;

        await using (var changed = database.OpenEncrypted(rootKey, configure: e => WithBlindIndexKey(e, emailBits: 40)))
        {
            Assert.Equal(ids[1], Assert.Single(await changed.Crm.Customers.FindByEmailAsync(email)).Id);
            var maintenance = changed.Services.GetRequiredService<IEncryptionMaintenance>();
            Assert.Equal(3, (await maintenance.RefreshBlindIndexesAsync()).Changed);
            Assert.Equal(0, (await maintenance.RefreshBlindIndexesAsync()).Changed);
        }

        Assert.All(database.Column("SELECT value FROM customers__emails"), v => Assert.Matches("^bi2:idx-1:[A-Za-z0-9_-]{7}$", v));
        await using var after = database.OpenEncrypted(rootKey, configure: e => WithBlindIndexKey(e, emailBits: 40));
        Assert.Equal(ids[1], Assert.Single(await after.Crm.Customers.FindByEmailAsync(email)).Id);
    }

    /// <summary>
    /// With 16-bit e-mail indexes two addresses share an index (found here by the documented formula): the database matches
    /// both customers, and find by e-mail drops the false match after decrypting, returning only the right one.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task False_match_of_a_short_index_is_filtered_out_after_decryption()
    {
        using var database = new TestDatabase();
        var target = "ada@example.com";
        var targetIndex = EmailIndex(target, 2);
        var colliding = Enumerable.Range(0, 10_000_000).Select(i => $"x{i}@example.com").First(e => EmailIndex(e, 2) == targetIndex);

        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey(), configure: e => WithBlindIndexKey(e, emailBits: 16));
        var ada = await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Ada", Emails = [target] });
        var other = await host.Crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "Other", Emails = [colliding] });

        Assert.Equal(["bi2:idx-1:" + targetIndex, "bi2:idx-1:" + targetIndex], database.Column("SELECT value FROM customers__emails"));
        Assert.Equal(ada.Id, Assert.Single(await host.Crm.Customers.FindByEmailAsync(target)).Id);
        Assert.Equal(other.Id, Assert.Single(await host.Crm.Customers.FindByEmailAsync(colliding)).Id);
    }

    private static void WithBlindIndexKey(FieldEncryptionOptions options) => WithBlindIndexKey(options, FieldEncryptionOptions.DefaultEmailBlindIndexBits);

    private static void WithBlindIndexKey(FieldEncryptionOptions options, int emailBits)
    {
        options.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "idx-1", Base64Key = BlindKey });
        options.EmailBlindIndexBits = emailBits;
    }

    /// <summary>The documented version-2 index body: base64url of the first bytes of HMAC-SHA256(key, LP(purpose) || utf8(value)).</summary>
    private static string EmailIndex(string normalized, int bytes)
    {
        var purpose = "customers/emails"u8;
        var value = Encoding.UTF8.GetBytes(normalized);
        var input = new byte[4 + purpose.Length + value.Length];
        BinaryPrimitives.WriteUInt32BigEndian(input, (uint)purpose.Length);
        purpose.CopyTo(input.AsSpan(4));
        value.CopyTo(input.AsSpan(4 + purpose.Length));
        return Base64Url.EncodeToString(HMACSHA256.HashData(Convert.FromBase64String(BlindKey), input).AsSpan(0, bytes));
    }

    private static InteractionDraft Note(Customer customer, string subject) => new()
    {
        CustomerId = customer.Id,
        Kind = InteractionKind.Note,
        Channel = InteractionChannel.Other,
        Direction = InteractionDirection.Internal,
        Subject = subject,
    };

    private static Guid DataKeyIdOf(TestDatabase database, CustomerId customer)
    {
        using var connection = database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM data_keys WHERE customer_id = $c";
        command.Parameters.AddWithValue("$c", TestDatabase.IdBytes(customer.Value));
        return new Guid((byte[])command.ExecuteScalar()!, bigEndian: true);
    }

    private static string WrappedKeyOf(TestDatabase database, Guid dataKeyId) =>
        (string)database.Scalar("SELECT json_extract(body, '$.wrappedKey') FROM data_keys WHERE id = $id", ("$id", TestDatabase.IdBytes(dataKeyId)))!;

    private static void SetWrappedKey(TestDatabase database, Guid dataKeyId, string wrapped) =>
        Assert.Equal(1, database.Execute("UPDATE data_keys SET body = json_set(body, '$.wrappedKey', $w) WHERE id = $id", ("$w", wrapped), ("$id", TestDatabase.IdBytes(dataKeyId))));
}
