using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Sqlite.Tests.Encryption.IndependentDecoder;
using Crm.Sdk.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption.Golden;

/// <summary>
/// The golden file of format version 2 (<c>field-encryption-v2.json</c>, rows of the real database
/// <c>field-encryption-v2.db</c> that <see cref="GoldenFileGenerator"/> had the library write): a second decoder written
/// from FORMAT.md alone (<see cref="FormatV2Decoder"/>) reads all of it, and the library still reads the database.
/// </summary>
public sealed class GoldenFileV2Tests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Encryption", "Golden");

    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(GoldenDirectory, "field-encryption-v2.json"))));

    private static JsonElement Root => Golden.Value.RootElement;

    private static string Text(JsonElement element, string member) => element.GetProperty(member).GetString()!;

    [Fact]
    public void Golden_file_decrypts_with_an_independent_decoder()
    {
        var rootKeyId = Text(Root.GetProperty("rootKey"), "id");
        var rootKey = Convert.FromBase64String(Text(Root.GetProperty("rootKey"), "base64Key"));

        // Data keys: unwrap (format 2), check the ids inside against the row, recognise erased ones.
        var keys = new Dictionary<Guid, DecodedDataKey>();
        foreach (var row in Root.GetProperty("dataKeys").EnumerateArray())
        {
            var key = FormatV2Decoder.UnwrapDataKey(Text(row, "id"), Text(row, "body"), rootKeyId, rootKey);
            var expected = row.GetProperty("expected");
            Assert.Equal(expected.GetProperty("erased").GetBoolean(), key.IsErased);
            if (!key.IsErased)
            {
                Assert.Equal(Text(expected, "dataKeyHex"), Convert.ToHexStringLower(key.Key!));
            }

            keys.Add(key.Id, key);
        }

        Assert.Contains(keys.Values, k => k.IsErased);

        // Records: every seal decrypts to its expected plaintext; the erased customer's records read as erased.
        var opened = new Dictionary<string, string>();
        var states = new List<(string Collection, SealState State)>();
        foreach (var row in Root.GetProperty("records").EnumerateArray())
        {
            var collection = Text(row, "collection");
            var id = Text(row, "id");
            Assert.Equal(Text(row, "idBlobHex"), Convert.ToHexStringLower(FormatV2Decoder.GuidBytes(id)));
            var record = FormatV2Decoder.OpenRecord(collection, id, row.GetProperty("version").GetInt64(), Text(row, "body"), keys);
            var expected = row.GetProperty("expected");
            states.Add((collection, record.State));
            if (expected.GetProperty("erased").GetBoolean())
            {
                Assert.True(record.State is SealState.ErasedKey or SealState.ErasedRecord, $"{collection} {id} should read as erased, not {record.State}");
                if (record.State == SealState.ErasedKey)
                {
                    using var body = JsonDocument.Parse(Text(row, "body"));
                    var (version, keyId) = FormatV2Decoder.ReadHeader(Text(body.RootElement, "sealed"));
                    Assert.Equal(2, version);
                    Assert.True(keys[keyId].IsErased);
                }
            }
            else
            {
                Assert.Equal(SealState.Opened, record.State);
                Assert.Equal(Text(expected, "sealPlaintext"), record.Plaintext);
                opened.Add(id, record.Plaintext!);
            }
        }

        // A real seal per collection, an empty one, a record under an erased key and an erased record.
        foreach (var collection in new[] { "customers", "interactions", "tickets", "deals" })
        {
            Assert.Contains((collection, SealState.Opened), states);
        }

        Assert.Contains("{}", opened.Values);
        Assert.Contains(("interactions", SealState.ErasedKey), states);
        Assert.Contains(("customers", SealState.ErasedRecord), states);

        // Blind indexes: recomputed from the decrypted values by the documented rules, found among the stored ones.
        var blindKeyId = Text(Root.GetProperty("blindIndexKey"), "id");
        var blindKey = Convert.FromBase64String(Text(Root.GetProperty("blindIndexKey"), "base64Key"));
        var bits = Root.GetProperty("blindIndexBits");
        foreach (var customer in Root.GetProperty("blindIndexes").EnumerateArray())
        {
            using var seal = JsonDocument.Parse(opened[Text(customer, "customerId")]);
            var stored = customer.GetProperty("stored");
            var computed = new Dictionary<string, HashSet<string>> { ["emails"] = [], ["phones"] = [], ["name_tokens"] = [] };
            foreach (var email in seal.RootElement.GetProperty("emails").EnumerateArray())
            {
                // An ASCII address: NFKC_Casefold is ASCII lower-casing.
                var normalized = FormatV2Decoder.NameKey(Text(email, "address"));
                computed["emails"].Add(FormatV2Decoder.BlindIndexV2(blindKey, blindKeyId, "customers/emails", normalized, bits.GetProperty("customers/emails").GetInt32()));
            }

            foreach (var phone in seal.RootElement.GetProperty("phones").EnumerateArray())
            {
                computed["phones"].Add(FormatV2Decoder.BlindIndexV2(blindKey, blindKeyId, "customers/phones", Text(phone, "e164"), bits.GetProperty("customers/phones").GetInt32()));
            }

            var displayName = Text(seal.RootElement, "display_name");
            Assert.Equal(Text(customer, "displayName"), displayName);
            var nameKey = FormatV2Decoder.NameKey(displayName);
            Assert.Equal(Text(customer, "nameKey"), nameKey);
            foreach (var token in FormatV2Decoder.NameTokens(nameKey))
            {
                computed["name_tokens"].Add(FormatV2Decoder.BlindIndexV2(blindKey, blindKeyId, "customers/display_name", token, bits.GetProperty("customers/display_name").GetInt32()));
            }

            foreach (var (index, values) in computed)
            {
                Assert.Equal(stored.GetProperty(index).EnumerateArray().Select(v => v.GetString()!).ToHashSet(), values);
            }

            foreach (var entry in customer.GetProperty("expected").EnumerateArray())
            {
                Assert.Contains(Text(entry, "blindIndex"), computed[Text(entry, "index")]);
            }
        }
    }

    /// <summary>The independent decoder checks what FORMAT.md says a seal and a wrapped key bind: a changed claim or row fails.</summary>
    [Fact]
    public void Independent_decoder_refuses_changed_claims_and_moved_keys()
    {
        var rootKeyId = Text(Root.GetProperty("rootKey"), "id");
        var rootKey = Convert.FromBase64String(Text(Root.GetProperty("rootKey"), "base64Key"));
        var rows = Root.GetProperty("dataKeys").EnumerateArray().Where(r => !r.GetProperty("expected").GetProperty("erased").GetBoolean()).ToList();
        var keys = rows.Select(r => FormatV2Decoder.UnwrapDataKey(Text(r, "id"), Text(r, "body"), rootKeyId, rootKey)).ToDictionary(k => k.Id);
        var ticket = Root.GetProperty("records").EnumerateArray().First(r => Text(r, "collection") == "tickets");
        var body = Text(ticket, "body");
        var version = ticket.GetProperty("version").GetInt64();

        Assert.Equal(SealState.Opened, FormatV2Decoder.OpenRecord("tickets", Text(ticket, "id"), version, body, keys).State);
        _ = Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            FormatV2Decoder.OpenRecord("tickets", Text(ticket, "id"), version, body.Replace("\"assigneeId\":\"agent-42\"", "\"assigneeId\":\"agent-43\"", StringComparison.Ordinal), keys));
        _ = Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            FormatV2Decoder.OpenRecord("tickets", Text(ticket, "id"), version + 1, body, keys));

        // A wrapped key put into the other key's row names the wrong data key id and customer.
        var moved = Text(rows[0], "body").Replace(Text(rows[0], "id"), Text(rows[1], "id"), StringComparison.Ordinal);
        _ = Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => FormatV2Decoder.UnwrapDataKey(Text(rows[1], "id"), moved, rootKeyId, rootKey));
    }

    /// <summary>FORMAT.md's name-token vector, reproduced by the independent decoder and stored as such in the golden database.</summary>
    [Fact]
    public void Name_token_vector_of_format_md_is_reproduced()
    {
        var nameKey = FormatV2Decoder.NameKey("Zo\u00EB \u91CE\U00020BB7Co \U0001F44D\U0001F3FD");

        Assert.Equal("zo\u00EB \u91CE\U00020BB7co \U0001F44D\U0001F3FD", nameKey);
        Assert.Equal(
            ["zo", "zoë", "zoë ", "zoë 野", "zoë 野𠮷", "zoë 野𠮷c", "zoë 野𠮷co", "zoë 野𠮷co ", "zoë 野𠮷co 👍🏽", "野", "野𠮷", "野𠮷c", "野𠮷co", "co"],
            FormatV2Decoder.NameTokens(nameKey));
        Assert.Contains(Root.GetProperty("blindIndexes").EnumerateArray(), c => Text(c, "nameKey") == nameKey);
    }

    /// <summary>The library itself reads the golden database (a copy: opening it may upgrade it) with the golden keys.</summary>
    [Fact]
    public async Task Library_reads_the_golden_database()
    {
        var directory = Directory.CreateTempSubdirectory("crm-golden-read-").FullName;
        try
        {
            var path = Path.Combine(directory, "golden.db");
            File.Copy(Path.Combine(GoldenDirectory, "field-encryption-v2.db"), path);
            await using (var services = GoldenFileGenerator.OpenHost(path, new FakeClock(Instant.FromUtc(2025, 7, 1, 9, 0))))
            {
                var crm = services.GetRequiredService<ICrm>();
                foreach (var row in Root.GetProperty("records").EnumerateArray())
                {
                    var id = Guid.Parse(Text(row, "id"));
                    var expected = row.GetProperty("expected");
                    var erased = expected.GetProperty("erased").GetBoolean();
                    using var seal = erased ? null : JsonDocument.Parse(Text(expected, "sealPlaintext"));
                    string? Sealed(string member) => seal!.RootElement.TryGetProperty(member, out var value) ? value.GetString() : null;
                    switch (Text(row, "collection"))
                    {
                        case "customers":
                            var customer = await crm.Customers.GetAsync(new Id<Customer>(id));
                            Assert.Equal(erased, customer.IsErased);
                            if (!erased)
                            {
                                Assert.Equal(Sealed("display_name"), customer.DisplayName);
                                Assert.Equal(seal!.RootElement.GetProperty("emails").GetArrayLength(), customer.Emails.Count);
                            }

                            break;
                        case "interactions":
                            var interaction = await crm.Interactions.GetAsync(new Id<Interaction>(id));
                            Assert.Equal(erased, interaction.IsErased);
                            Assert.Equal(erased ? null : Sealed("subject"), interaction.Subject);
                            break;
                        case "tickets":
                            var ticket = await crm.Tickets.GetAsync(new Id<Ticket>(id));
                            Assert.Equal(Sealed("subject"), ticket.Subject);
                            Assert.Equal(Sealed("satisfaction_comment"), ticket.Satisfaction?.Comment);
                            break;
                        case "deals":
                            var deal = await crm.Deals.GetAsync(new Id<Deal>(id));
                            Assert.Equal(Sealed("name"), deal.Name);
                            break;
                        default:
                            Assert.Fail("Unexpected collection.");
                            break;
                    }
                }

                var zoe = Root.GetProperty("blindIndexes")[0];
                var found = await crm.Customers.FindByEmailAsync(Text(zoe.GetProperty("expected")[0], "normalizedValue"));
                Assert.Equal(Guid.Parse(Text(zoe, "customerId")), Assert.Single(found).Id.Value);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
