using System.Text.RegularExpressions;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>The record seal: every encrypted field of one record in one JSON object, encrypted once.</summary>
public sealed partial class RecordFieldsTests : IDisposable
{
    private const string Collection = "interactions";

    private readonly SealingKeys _keys = new("interactions.subject", "interactions.body", "interactions.participants");

    /// <summary>Any mix of text and structured values comes back exactly: unicode, quotes, backslashes, control characters.</summary>
    [Property(Arbitrary = [typeof(SealInputs)])]
    public bool Text_and_structured_values_round_trip(string subject, string body, Person[] participants)
    {
        var recordId = Guid.CreateVersion7();
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        var plain = (fields.Seal("subject", subject), fields.Seal("body", body), fields.Seal("participants", participants.ToList()), fields.Seal("kind", "note"));
        var seal = fields.Sealed;

        using var opened = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, seal);
        return plain == (null, null, null, "note")
            && opened.Open("subject", (string?)null) == subject
            && opened.Open("body", (string?)null) == body
            && opened.Open("participants", (List<Person>?)null)!.SequenceEqual(participants)
            && opened.Open("kind", "note") == "note"
            && !opened.IsErased;
    }

    /// <summary>The seal's plaintext is the documented JSON object: text as JSON strings, structured values as their JSON, nulls left out.</summary>
    [Fact]
    public void Seal_plaintext_is_one_json_object_of_the_encrypted_fields()
    {
        var recordId = Guid.CreateVersion7();
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        fields.Seal("subject", "Hi \"Ada\"\n");
        fields.Seal("body", (string?)null);
        fields.Seal("participants", new List<Person> { new("Ada", null, 1) });

        var plaintext = FieldCipher.Decrypt(fields.Sealed!, new FieldContext(Collection, recordId, "sealed") { Claims = _keys.Claims }, _keys.Key);

        Assert.Equal("""{"subject":"Hi \"Ada\"\n","participants":[{"name":"Ada","rank":1}]}""", plaintext);
    }

    /// <summary>
    /// A field the seal does not hold opens as nothing when it is encrypted (a plain value there is refused: it was
    /// injected), and as its plain member when it is not encrypted.
    /// </summary>
    [Fact]
    public void Field_missing_from_the_seal_opens_as_nothing_or_its_plain_member()
    {
        var recordId = Guid.CreateVersion7();
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        fields.Seal("subject", "sealed subject");

        using var opened = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, fields.Sealed);

        Assert.Null(opened.Open("body", (string?)null));
        Assert.Equal("sealed subject", opened.Open("subject", (string?)null));
        Assert.Equal("note", opened.Open("kind", "note"));
        var injected = Assert.Throws<CryptographicIntegrityException>(() => opened.Open("body", "injected body"));
        Assert.Equal((CryptographicIntegrityFailure.PlaintextValue, Collection, recordId, "body"), (injected.Failure, injected.Collection, injected.RecordId, injected.Field));
    }

    /// <summary>
    /// In a collection with encrypted fields every record is sealed, an empty object when it holds no encrypted value, so
    /// that its claims are authenticated; a collection without encrypted fields has no seal. A record without a seal reads
    /// (while version-1 records are read) only as Crm.Sdk 1.0 wrote one, with no encrypted value; with plaintext it is refused.
    /// </summary>
    [Fact]
    public void Every_record_of_an_encrypted_collection_is_sealed()
    {
        var recordId = Guid.CreateVersion7();
        using var onlyNulls = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        onlyNulls.Seal("subject", (string?)null);
        using var plainProtector = FieldProtector.Plain.ForRecord(Collection, recordId, _keys.Claims);
        Assert.Equal("subject", plainProtector.Seal("subject", "subject"));
        using var otherCollection = _keys.Protector.ForRecord("deals", recordId, _keys.Claims);
        using var unsealed = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, null);

        Assert.Equal("{}", FieldCipher.Decrypt(onlyNulls.Sealed!, new FieldContext(Collection, recordId, "sealed") { Claims = _keys.Claims }, _keys.Key));
        Assert.Null(plainProtector.Sealed);
        Assert.Null(otherCollection.Sealed);
        Assert.Null(unsealed.Open("body", (string?)null));
        var missing = Assert.Throws<CryptographicIntegrityException>(() => unsealed.Open("subject", "plain subject"));
        Assert.Equal((CryptographicIntegrityFailure.MissingSeal, Collection, recordId), (missing.Failure, missing.Collection, missing.RecordId));
    }

    /// <summary>A seal opened with other claims (another customer, owner, link or version) fails authentication.</summary>
    [Fact]
    public void Seal_opened_with_other_claims_is_refused()
    {
        var recordId = Guid.CreateVersion7();
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims with { DealId = Guid.CreateVersion7() });
        fields.Seal("subject", "secret");
        var seal = fields.Sealed;
        RecordClaims[] others =
        [
            _keys.Claims,
            _keys.Claims with { Version = 2 },
            _keys.Claims with { CustomerId = Guid.CreateVersion7() },
            _keys.Claims with { OwnerId = "someone" },
            _keys.Claims with { TicketId = Guid.CreateVersion7() },
        ];

        foreach (var claims in others)
        {
            using var opened = _keys.Protector.ForRecord(Collection, recordId, claims, seal);
            var error = Assert.Throws<CryptographicIntegrityException>(() => opened.Open("subject", (string?)null));
            Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        }
    }

    /// <summary>An interaction with three encrypted fields is stored with exactly one envelope, under <c>sealed</c>, and reads back.</summary>
    [Fact]
    public void A_record_is_stored_with_one_envelope()
    {
        var now = Instant.FromUtc(2025, 3, 1, 9, 0);
        var interaction = Interaction.Record(
            new InteractionDraft
            {
                CustomerId = new CustomerId(_keys.CustomerId),
                Kind = InteractionKind.Email,
                Channel = InteractionChannel.Email,
                Direction = InteractionDirection.Inbound,
                OccurredAt = now,
                Subject = "Renewal",
                Body = "Dear Ada, \"thanks\".",
                Participants = [new Participant("Ada Lovelace", "ada@example.com", "contact")],
            },
            InteractionId.New(now),
            now);

        var body = InteractionMapping.Instance.Serialize(interaction, _keys.Protector);
        var restored = InteractionMapping.Instance.Deserialize(new StoredDocument(interaction.Id.Value, 1, body), _keys.Protector);

        Assert.Single(EnvelopeMarker().Matches(body));
        Assert.Matches("\"sealed\":\"ce2:[A-Za-z0-9_-]+\"", body);
        Assert.DoesNotContain("Ada", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"subject\"", body, StringComparison.Ordinal);
        Assert.Equal((interaction.Subject, interaction.Body), (restored.Subject, restored.Body));
        Assert.Equal(interaction.Participants, restored.Participants);
    }

    /// <summary>A seal whose data key was erased opens every field as default and reports the record erased, without decrypting.</summary>
    [Fact]
    public void Erased_key_opens_every_field_as_default()
    {
        var recordId = Guid.CreateVersion7();
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        fields.Seal("subject", "secret");
        fields.Seal("participants", new List<Person> { new("Ada", null, 1) });
        var seal = fields.Sealed;
        _keys.Erase();

        using var opened = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, seal);

        Assert.Null(opened.Open("subject", (string?)null));
        Assert.Null(opened.Open("participants", (List<Person>?)null));
        Assert.Null(opened.Open("body", "plain"));
        Assert.True(opened.IsErased);
    }

    /// <summary>A seal read in another record fails as an integrity error naming the collection, the record read and field <c>sealed</c>.</summary>
    [Fact]
    public void Seal_of_another_record_is_refused()
    {
        using var fields = _keys.Protector.ForRecord(Collection, Guid.CreateVersion7(), _keys.Claims);
        fields.Seal("subject", "secret");
        var otherRecord = Guid.CreateVersion7();

        using var opened = _keys.Protector.ForRecord(Collection, otherRecord, _keys.Claims, fields.Sealed);
        var error = Assert.Throws<CryptographicIntegrityException>(() => opened.Open("subject", (string?)null));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal((Collection, otherRecord, "sealed"), (error.Collection, error.RecordId, error.Field));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A seal that authenticates but is not one JSON object of distinct fields is refused as malformed, naming the record.</summary>
    /// <param name="plaintext">What the envelope holds.</param>
    [Theory]
    [InlineData("\"subject\"")]
    [InlineData("[]")]
    [InlineData("{\"subject\":\"a\"")]
    [InlineData("{\"subject\":\"a\"} {}")]
    [InlineData("{\"subject\":\"a\",\"subject\":\"b\"}")]
    public void Authenticated_plaintext_that_is_not_a_seal_is_refused(string plaintext)
    {
        var recordId = Guid.CreateVersion7();
        var envelope = FieldCipher.Encrypt(System.Text.Encoding.UTF8.GetBytes(plaintext), new FieldContext(Collection, recordId, "sealed") { Claims = _keys.Claims }, _keys.Key);

        using var opened = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, envelope);
        var error = Assert.Throws<CryptographicIntegrityException>(() => opened.Open("subject", (string?)null));

        Assert.Equal(CryptographicIntegrityFailure.MalformedEnvelope, error.Failure);
        Assert.Equal((Collection, recordId, "sealed"), (error.Collection, error.RecordId, error.Field));
    }

    /// <summary>A seal abandoned half-way (the mapping failed) leaves nothing behind for the next record written on the thread.</summary>
    [Fact]
    public void Abandoned_seal_does_not_leak_into_the_next_one()
    {
        var recordId = Guid.CreateVersion7();
        using (var abandoned = _keys.Protector.ForRecord(Collection, Guid.CreateVersion7(), _keys.Claims))
        {
            abandoned.Seal("body", "left behind");
        }

        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        fields.Seal("subject", "kept");

        Assert.Equal("""{"subject":"kept"}""", FieldCipher.Decrypt(fields.Sealed!, new FieldContext(Collection, recordId, "sealed") { Claims = _keys.Claims }, _keys.Key));
    }

    /// <summary>Nothing is added to a finished seal, and text that is not valid UTF-16 is refused rather than altered.</summary>
    [Fact]
    public void Late_or_invalid_values_are_refused()
    {
        using var fields = _keys.Protector.ForRecord(Collection, Guid.CreateVersion7(), _keys.Claims);
        Assert.Throws<ArgumentException>(() => fields.Seal("subject", "abc\uD800"));
        fields.Seal("body", "text");
        _ = fields.Sealed;

        Assert.Throws<InvalidOperationException>(() => fields.Seal("subject", "late"));
    }

    /// <summary>A seal that grows past the writer's first buffer (a long body) round-trips.</summary>
    [Fact]
    public void Large_seal_round_trips()
    {
        var recordId = Guid.CreateVersion7();
        var body = string.Concat(Enumerable.Repeat("Ünïcödé \"quoted\" text, ", 20_000));
        using var fields = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims);
        fields.Seal("subject", "s");
        fields.Seal("body", body);

        using var opened = _keys.Protector.ForRecord(Collection, recordId, _keys.Claims, fields.Sealed);

        Assert.Equal(body, opened.Open("body", (string?)null));
        Assert.Equal("s", opened.Open("subject", (string?)null));
    }

    /// <summary>The record seal's field name is reserved: no encryptable field has it, so no field key or associated data is shared with one.</summary>
    [Fact]
    public void No_encryptable_field_is_named_sealed() =>
        Assert.DoesNotContain(EncryptableField.All, f => f.Name.EndsWith("." + RecordFields.SealedField, StringComparison.Ordinal));

    public void Dispose() => _keys.Dispose();

    [GeneratedRegex("ce2:")]
    private static partial Regex EnvelopeMarker();

    public sealed record Person(string Name, string? Address, int Rank);

    /// <summary>Valid UTF-16 text (<see cref="UnicodeText"/>) and lists of people made of it.</summary>
    public static class SealInputs
    {
        public static Arbitrary<string> Text() => UnicodeText.Arbitrary();

        public static Arbitrary<Person[]> People() =>
            UnicodeText.Arbitrary().Generator.Two().Select(p => new Person(p.Item1, p.Item2, 42)).ArrayOf().ToArbitrary();
    }
}
