using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Sqlite.Tests.Encryption.IndependentDecoder;
using Crm.Sdk.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption.Golden;

/// <summary>
/// Writes <c>field-encryption-v2.json</c> and <c>field-encryption-v2.db</c> (this folder) from a real database that the
/// library writes through its public API only. Not part of the normal test run: it runs only with
/// <c>CRM_REGENERATE_GOLDEN=1</c> (<see cref="GoldenFileGeneratorFactAttribute"/>), and it asserts nothing about the
/// format beyond checking that what it writes into the JSON is what the database holds. Run it with
/// <c>CRM_REGENERATE_GOLDEN=1 dotnet test tests/Crm.Sdk.Sqlite.Tests --filter "FullyQualifiedName~GoldenFileGenerator"</c>,
/// then run <see cref="GoldenFileV2Tests"/> and commit both files. Regenerating replaces every id, nonce and data key
/// (they are random): do it only when the golden set itself must change, never to make a failing test pass.
/// </summary>
public sealed class GoldenFileGenerator
{
    public const string RootKeyId = "golden-root-2025";
    public const string RootKeyBase64 = "R29sZGVuIHJvb3Qga2V5IGZvciBDcm0uU2RrIHYyISE="; // "Golden root key for Crm.Sdk v2!!" (32 bytes, test only)
    public const string BlindIndexKeyId = "golden-bi-2025";
    public const string BlindIndexKeyBase64 = "R29sZGVuIGJsaW5kLWluZGV4IGtleSBDcm0uU2RrISE="; // "Golden blind-index key Crm.Sdk!!" (32 bytes, test only)
    public const string NotesField = "notes";
    public const string Regenerate = "CRM_REGENERATE_GOLDEN=1 dotnet test tests/Crm.Sdk.Sqlite.Tests --filter \"FullyQualifiedName~GoldenFileGenerator\"";

    public static readonly string[] Collections = ["data_keys", "customers", "interactions", "tickets", "deals"];

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Registers the CRM exactly as the golden database was written (and is read back by the tests).</summary>
    public static ServiceProvider OpenHost(string path, IClock clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services
            .AddCrm(o =>
            {
                o.DefaultPhoneRegion = "GB";
                o.CustomFields.Add(new CustomFieldDefinition(NotesField, "Notes", CustomFieldType.Text));
            })
            .UseSqlite(path)
            .AddFieldEncryption(o =>
            {
                o.RootKeys.Add(new RootKeyOptions { Id = RootKeyId, Base64Key = RootKeyBase64 });
                o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = BlindIndexKeyId, Base64Key = BlindIndexKeyBase64 });
                o.EncryptedFields.Add(EncryptableField.Names.DealName);
            });
        return services.BuildServiceProvider();
    }

    [GoldenFileGeneratorFact]
    public async Task Regenerate_golden_file_v2()
    {
        var directory = Directory.CreateTempSubdirectory("crm-golden-").FullName;
        var path = Path.Combine(directory, "golden.db");
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 1, 9, 0), Duration.FromSeconds(1));
        var written = new Written();

        await using (var services = OpenHost(path, clock))
        {
            await WriteAsync(services.GetRequiredService<ICrm>(), written);
        }

        SqliteConnection.ClearAllPools();
        Compact_(path);
        var target = SourceDirectory();
        File.Copy(path, Path.Combine(target, "field-encryption-v2.db"), overwrite: true);
        File.WriteAllText(Path.Combine(target, "field-encryption-v2.json"), BuildJson(path, written), new UTF8Encoding(false));
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>What the generator wrote, read back through the public API: the expected plaintexts come from it.</summary>
    private sealed class Written
    {
        public List<(string Collection, Guid Id, string Label, Func<string?> Seal)> Records { get; } = [];

        public List<(Guid Id, string Label, Customer Customer)> Customers { get; } = [];

        public Guid ErasedCustomerId { get; set; }
    }

    private static async Task WriteAsync(ICrm crm, Written written)
    {
        var zoe = await crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Person,
            DisplayName = "Zoë Ünïcødé 👩‍💻 日本語",
            GivenName = "Zoë",
            MiddleName = "Ada",
            FamilyName = "Ünïcødé",
            Emails = [new ContactDraft { Value = "Zoe.Unicode@Example.COM", Label = "Work" }, new ContactDraft { Value = "zoe@example.org" }],
            Phones = [new ContactDraft { Value = "+44 20 7946 0958", Label = "Office" }, new ContactDraft { Value = "07700 900123", Label = "Mobile" }],
            Addresses =
            [
                new PostalAddressDraft { Kind = AddressKind.Home, Lines = ["1 Rue de l'Église", "Bâtiment B"], City = "Paris", Region = "Île-de-France", PostalCode = "75001", Country = "FR" },
            ],
            Tags = ["vip"],
            CustomFields = new Dictionary<string, CustomFieldValue> { [NotesField] = CustomFieldValue.Text("Prefers \"e-mail\"; C:\\path\ttab, line\u2028separator, 🎉 <b>&") },
            OwnerId = "owner-7",
        });
        var vector = await crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Company,
            DisplayName = "Zoë 野𠮷Co 👍🏽",
            CompanyName = "Zoë 野𠮷Co 👍🏽",
        });

        var pipeline = await crm.Pipelines.CreateAsync(new PipelineDraft { Name = "Sales", Stages = [new PipelineStageDraft { Name = "Lead", Probability = 0.1m }, new PipelineStageDraft { Name = "Won", Probability = 1m, Outcome = StageOutcome.ClosedWon }, new PipelineStageDraft { Name = "Lost", Probability = 0m, Outcome = StageOutcome.ClosedLost }] });
        var deal = await crm.Deals.CreateAsync(new DealDraft { CustomerId = zoe.Id, PipelineId = pipeline.Id, Name = "Zoë's kitchen refit", Amount = Money.Of(12_500m, "EUR"), OwnerId = "deal-owner-3" });

        var ticket = await crm.Tickets.CreateAsync(new TicketDraft { CustomerId = zoe.Id, Type = TicketType.AfterSales, Subject = "Kettle leaks — Wasserkocher undicht", Description = "Bought in store 12; water under the base.\nPhoto attached." });
        ticket = await crm.Tickets.AddCommentAsync(ticket.Id, "agent-42", "Customer says the seal cracked (serial SN-77-ZX)");
        ticket = await crm.Tickets.AssignAsync(ticket.Id, "agent-42");
        ticket = await crm.Tickets.ChangeStatusAsync(ticket.Id, TicketStatus.Resolved);
        ticket = await crm.Tickets.RateAsync(ticket.Id, 5, "Schnell ersetzt, merci! 👍");

        var email = await crm.Interactions.CreateAsync(new InteractionDraft
        {
            CustomerId = zoe.Id,
            Kind = InteractionKind.Email,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Inbound,
            Subject = "Re: kitchen refit & kettle",
            Body = "Dear team,\n\"the kettle\" still leaks.\nZoë",
            Participants = [new Participant(zoe.DisplayName, "Zoe.Unicode@Example.COM", "from"), new Participant("Agent 42", "agent42@support.example", "to")],
            DealId = deal.Id,
            TicketId = ticket.Id,
        });
        var purchase = await crm.Interactions.CreateAsync(InteractionDraft.Purchase(zoe.Id, "ORD-1001", Money.Of(99.50m, "EUR")));

        var erin = await crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Person,
            GivenName = "Erin",
            FamilyName = "Erased",
            Emails = [new ContactDraft { Value = "erin@example.net" }],
            Phones = [new ContactDraft { Value = "+33 1 23 45 67 89" }],
        });
        var erinCall = await crm.Interactions.CreateAsync(new InteractionDraft
        {
            CustomerId = erin.Id,
            Kind = InteractionKind.Call,
            Channel = InteractionChannel.Phone,
            Direction = InteractionDirection.Outbound,
            Subject = "Call before erasure",
            Body = "Erin asked us to forget her.",
        });
        await crm.Customers.EraseAsync(erin.Id);
        written.ErasedCustomerId = erin.Id.Value;

        // Read everything back through the public API: the expected plaintexts are what the host sees.
        zoe = await crm.Customers.GetAsync(zoe.Id);
        vector = await crm.Customers.GetAsync(vector.Id);
        deal = await crm.Deals.GetAsync(deal.Id);
        ticket = await crm.Tickets.GetAsync(ticket.Id);
        email = await crm.Interactions.GetAsync(email.Id);
        purchase = await crm.Interactions.GetAsync(purchase.Id);
        var erased = await crm.Customers.GetAsync(erin.Id);
        Assert.True(erased.IsErased);
        Assert.True((await crm.Interactions.GetAsync(erinCall.Id)).IsErased);

        written.Customers.Add((zoe.Id.Value, "customer with every encrypted field", zoe));
        written.Customers.Add((vector.Id.Value, "customer named as FORMAT.md's name-token vector, no owner", vector));
        written.Records.Add(("customers", zoe.Id.Value, "customer with every encrypted field and an owner", () => CustomerSeal(zoe)));
        written.Records.Add(("customers", vector.Id.Value, "company customer named as FORMAT.md's name-token vector, no owner, no e-mail or phone", () => CustomerSeal(vector)));
        written.Records.Add(("customers", erin.Id.Value, "erased customer (\"erased\": true, no seal)", () => null));
        written.Records.Add(("interactions", email.Id.Value, "e-mail with subject, body, participants, deal and ticket links", () => InteractionSeal(email)));
        written.Records.Add(("interactions", purchase.Id.Value, "purchase: no encrypted value, empty seal", () => InteractionSeal(purchase)));
        written.Records.Add(("interactions", erinCall.Id.Value, "call of the erased customer: sealed under its erased data key", () => null));
        written.Records.Add(("tickets", ticket.Id.Value, "ticket with a comment, a satisfaction comment and an assignee", () => TicketSeal(ticket)));
        written.Records.Add(("deals", deal.Id.Value, "deal with an owner (deals.name encrypted by the host's choice)", () => Seal(w => w.WriteString("name", deal.Name))));
    }

    // ---- Expected seal plaintexts, written from FORMAT.md ("Record seal") and the values read back ----------------

    private static string Seal(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string Kebab(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string CustomerSeal(Customer c) => Seal(w =>
    {
        w.WriteString("display_name", c.DisplayName);
        if (c.PersonName is { } name)
        {
            w.WriteStartObject("person_name");
            WriteIfNotNull(w, "givenName", name.GivenName);
            WriteIfNotNull(w, "familyName", name.FamilyName);
            WriteIfNotNull(w, "middleName", name.MiddleName);
            w.WriteEndObject();
        }

        WriteIfNotNull(w, "company_name", c.CompanyName);
        w.WriteStartArray("emails");
        foreach (var e in c.Emails)
        {
            w.WriteStartObject();
            w.WriteString("address", e.Address.Value);
            WriteIfNotNull(w, "label", e.Label);
            w.WriteBoolean("isPrimary", e.IsPrimary);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("phones");
        foreach (var p in c.Phones)
        {
            w.WriteStartObject();
            w.WriteString("raw", p.Number.Raw);
            w.WriteString("e164", p.Number.E164);
            WriteIfNotNull(w, "label", p.Label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("addresses");
        foreach (var a in c.Addresses)
        {
            w.WriteStartObject();
            w.WriteString("kind", Kebab(a.Kind));
            w.WriteStartArray("lines");
            foreach (var line in a.Lines)
            {
                w.WriteStringValue(line);
            }

            w.WriteEndArray();
            WriteIfNotNull(w, "city", a.City);
            WriteIfNotNull(w, "region", a.Region);
            WriteIfNotNull(w, "postalCode", a.PostalCode);
            w.WriteString("country", a.Country);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var texts = c.CustomFields.Where(f => f.Value is TextFieldValue).ToList();
        if (texts.Count > 0)
        {
            w.WriteStartObject("text_custom_fields");
            foreach (var (key, value) in texts)
            {
                w.WriteString(key, ((TextFieldValue)value).Value);
            }

            w.WriteEndObject();
        }
    });

    private static string InteractionSeal(Interaction i) => Seal(w =>
    {
        WriteIfNotNull(w, "subject", i.Subject);
        WriteIfNotNull(w, "body", i.Body);
        if (i.Participants.Count > 0)
        {
            w.WriteStartArray("participants");
            foreach (var p in i.Participants)
            {
                w.WriteStartObject();
                WriteIfNotNull(w, "name", p.Name);
                WriteIfNotNull(w, "address", p.Address);
                WriteIfNotNull(w, "role", p.Role);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteIfNotNull(w, "feedback_comment", i.Feedback?.Comment);
    });

    private static string TicketSeal(Ticket t) => Seal(w =>
    {
        if (t.Comments.Count > 0)
        {
            w.WriteStartArray("comments");
            foreach (var comment in t.Comments)
            {
                w.WriteStringValue(comment.Body);
            }

            w.WriteEndArray();
        }

        w.WriteString("subject", t.Subject);
        WriteIfNotNull(w, "description", t.Description);
        WriteIfNotNull(w, "satisfaction_comment", t.Satisfaction?.Comment);
    });

    // ---- The JSON ------------------------------------------------------------------------------------------------

    private static string BuildJson(string path, Written written)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        var rootKey = Convert.FromBase64String(RootKeyBase64);
        var blindKey = Convert.FromBase64String(BlindIndexKeyBase64);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            w.WriteStartObject();
            w.WriteString("_about", "Field-level encryption, format version 2, as a real SQLite database written by Crm.Sdk holds it (field-encryption-v2.db, this folder): "
                + "wrapped data keys (format 2), record seals (ce2) of every collection, blind indexes (bi2) and name tokens, an erased customer. Test-only keys. "
                + "Every value here must keep decrypting: never edit by hand; a new format gets a new file. Specified by src/Crm.Sdk/Encryption/FORMAT.md.");
            w.WriteString("source", "Written by GoldenFileGenerator (tests/Crm.Sdk.Sqlite.Tests/Encryption/Golden/GoldenFileGenerator.cs) through the public API only "
                + "(AddCrm().UseSqlite(path).AddFieldEncryption(root key + blind-index key below, EncryptedFields + deals.name)), then read from the raw SQLite rows. "
                + "Regenerate (replaces every id, nonce and data key): " + Regenerate + "; then run GoldenFileV2Tests and commit the .json and the .db.");
            w.WriteStartObject("rootKey");
            w.WriteString("id", RootKeyId);
            w.WriteString("base64Key", RootKeyBase64);
            w.WriteEndObject();
            w.WriteStartObject("blindIndexKey");
            w.WriteString("id", BlindIndexKeyId);
            w.WriteString("base64Key", BlindIndexKeyBase64);
            w.WriteEndObject();
            w.WriteStartObject("blindIndexBits");
            w.WriteNumber("customers/emails", 32);
            w.WriteNumber("customers/phones", 32);
            w.WriteNumber("customers/display_name", 24);
            w.WriteEndObject();
            w.WriteStartArray("encryptedFields");
            foreach (var field in EncryptableField.All.Select(f => f.Name))
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();

            w.WriteStartArray("dataKeys");
            foreach (var (id, version, body) in Rows(connection, "data_keys"))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNumber("version", version);
                w.WriteString("body", body);
                w.WriteStartObject("expected");
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("wrappedKey", out var wrapped))
                {
                    using var aes = System.Security.Cryptography.Aes.Create();
                    aes.Key = rootKey;
                    var plaintext = aes.DecryptKeyWrapPadded(Convert.FromBase64String(wrapped.GetString()!));
                    Assert.Equal(64, plaintext.Length);
                    w.WriteString("dataKeyHex", Convert.ToHexStringLower(plaintext.AsSpan(0, 32)));
                    w.WriteBoolean("erased", false);
                }
                else
                {
                    w.WriteBoolean("erased", true);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("records");
            var expected = written.Records.ToDictionary(r => (r.Collection, r.Id));
            foreach (var collection in Collections.Skip(1))
            {
                foreach (var (id, version, body) in Rows(connection, collection))
                {
                    var record = expected[(collection, Guid.Parse(id))];
                    w.WriteStartObject();
                    w.WriteString("label", record.Label);
                    w.WriteString("collection", collection);
                    w.WriteString("id", id);
                    w.WriteString("idBlobHex", Convert.ToHexStringLower(Guid.Parse(id).ToByteArray(bigEndian: true)));
                    w.WriteNumber("version", version);
                    w.WriteString("body", body);
                    w.WriteStartObject("expected");
                    var seal = record.Seal();
                    var erased = seal is null;
                    w.WriteBoolean("erased", erased);
                    if (seal is not null)
                    {
                        w.WriteString("sealPlaintext", seal);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            Assert.Equal(written.Records.Count, Collections.Skip(1).Sum(c => Rows(connection, c).Count));

            w.WriteStartArray("blindIndexes");
            foreach (var (id, label, customer) in written.Customers)
            {
                w.WriteStartObject();
                w.WriteString("label", label);
                w.WriteString("customerId", id.ToString());
                var stored = new Dictionary<string, List<string>>
                {
                    ["emails"] = SideValues(connection, "emails", id),
                    ["phones"] = SideValues(connection, "phones", id),
                    ["name_tokens"] = SideValues(connection, "name_tokens", id),
                };
                w.WriteStartObject("stored");
                foreach (var (index, values) in stored)
                {
                    w.WriteStartArray(index);
                    values.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
                var nameKey = FormatV2Decoder.NameKey(customer.DisplayName);
                w.WriteString("displayName", customer.DisplayName);
                w.WriteString("nameKey", nameKey);
                w.WriteStartArray("expected");
                var computed = new Dictionary<string, HashSet<string>>();
                void Expect(string index, string purpose, int bits, string value)
                {
                    var blind = FormatV2Decoder.BlindIndexV2(blindKey, BlindIndexKeyId, purpose, value, bits);
                    (computed.TryGetValue(index, out var set) ? set : computed[index] = []).Add(blind);
                    w.WriteStartObject();
                    w.WriteString("index", index);
                    w.WriteString("purpose", purpose);
                    w.WriteString("normalizedValue", value);
                    w.WriteString("blindIndex", blind);
                    w.WriteEndObject();
                }

                customer.Emails.ToList().ForEach(e => Expect("emails", "customers/emails", 32, e.Address.Normalized));
                customer.Phones.ToList().ForEach(p => Expect("phones", "customers/phones", 32, p.Number.E164));
                FormatV2Decoder.NameTokens(nameKey).ToList().ForEach(t => Expect("name_tokens", "customers/display_name", 24, t));
                w.WriteEndArray();
                w.WriteEndObject();

                // What the JSON says must be what the database holds, exactly.
                foreach (var (index, values) in stored)
                {
                    Assert.Equal(values.ToHashSet(), computed.GetValueOrDefault(index) ?? []);
                }
            }

            Assert.Empty(SideValues(connection, "emails", written.ErasedCustomerId));
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static List<(string Id, long Version, string Body)> Rows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"id\", \"version\", \"body\" FROM \"{table}\" ORDER BY \"id\"";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, string)>();
        while (reader.Read())
        {
            var blob = (byte[])reader.GetValue(0);
            rows.Add((new Guid(blob, bigEndian: true).ToString(), reader.GetInt64(1), reader.GetString(2)));
        }

        return rows;
    }

    private static List<string> SideValues(SqliteConnection connection, string index, Guid customerId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"value\" FROM \"customers__{index}\" WHERE \"id\" = @id ORDER BY \"value\"";
        command.Parameters.AddWithValue("@id", customerId.ToByteArray(bigEndian: true));
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // Checkpoints the write-ahead log, switches the journal to DELETE and vacuums: the database is then one file.
    private static void Compact_(string path)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Crm.Sdk.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "Crm.Sdk.Sqlite.Tests", "Encryption", "Golden");
            }
        }

        throw new InvalidOperationException("Crm.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that runs only when <c>CRM_REGENERATE_GOLDEN=1</c>: the golden-file generator.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GoldenFileGeneratorFactAttribute : FactAttribute
{
    public GoldenFileGeneratorFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CRM_REGENERATE_GOLDEN") != "1")
        {
            Skip = "Regenerates the golden file; runs only with CRM_REGENERATE_GOLDEN=1.";
        }
    }
}
