using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Interactions;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using NodaTime;

namespace Crm.Sdk.Benchmarks.Micro;

/// <summary>
/// The per-value costs behind the side-by-side figures: sealing one 200-character field (HKDF subkey + AesGcm per
/// value), opening it again, one blind index, and one interaction (subject, 200-character body, one participant)
/// serialized and deserialized without and with encryption (its encrypted fields sealed together, one envelope).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class HotPathBenchmarks : IDisposable
{
    private readonly DataKey _key = new(Guid.CreateVersion7(), Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private readonly BlindIndexKey _blindKey = BlindIndexKey.DeriveFrom(new RootKey("bench", Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray()));
    private readonly FieldContext _context = new("interactions", Guid.CreateVersion7(), "body");
    private readonly string _text = new StringBuilder().Insert(0, "Thanks for the quick reply, see you soon. ", 5).ToString()[..200];
    private readonly DataKeyRing _ring = new(
        null!, // never asked: the one data key is remembered below
        new RootKeyEncryptionKeyProvider(new OptionsRootKeyProvider(Microsoft.Extensions.Options.Options.Create(new FieldEncryptionOptions { RootKeys = { new RootKeyOptions { Id = "bench", Base64Key = Convert.ToBase64String(new byte[32]) } } }))),
        SystemClock.Instance);

    private readonly BlindIndexer _blindIndexer = new([BlindIndexKey.DeriveFrom(new RootKey("bench", new byte[32]))]);
    private string _envelope = "";
    private Interaction _interaction = null!;
    private FieldProtector _protector = null!;
    private StoredDocument _plainDocument = null!;
    private StoredDocument _encryptedDocument = null!;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = FieldCipher.Encrypt(_text, _context, _key);
        var now = SystemClock.Instance.GetCurrentInstant();
        _interaction = Interaction.Record(
            new InteractionDraft
            {
                CustomerId = CustomerId.New(now),
                Kind = InteractionKind.Email,
                Channel = InteractionChannel.Email,
                Direction = InteractionDirection.Inbound,
                OccurredAt = now,
                Subject = "Question about the renewal #12345",
                Body = _text,
                Participants = [new Participant("Ada Lovelace", "ada@example.com", "contact")],
            },
            InteractionId.New(now),
            now);
        _ring.Remember(_interaction.CustomerId.Value, _key);
        _protector = FieldProtector.ForReading(new HashSet<string>(EncryptableField.All.Select(f => f.Name), StringComparer.Ordinal), _ring, _blindIndexer, LegacyRecordHandling.ReadVersion1Seals)
            .WithWriteKeys(new Dictionary<Guid, DataKey> { [_interaction.CustomerId.Value] = _key });
        _plainDocument = new StoredDocument(_interaction.Id.Value, 1, InteractionMapping.Instance.Serialize(_interaction, FieldProtector.Plain));
        _encryptedDocument = new StoredDocument(_interaction.Id.Value, 1, InteractionMapping.Instance.Serialize(_interaction, _protector));
    }

    [Benchmark]
    public string FieldCipherEncrypt200Chars() => FieldCipher.Encrypt(_text, _context, _key);

    [Benchmark]
    public string FieldCipherDecrypt200Chars() => FieldCipher.Decrypt(_envelope, _context, _key);

    [Benchmark]
    public string BlindIndexCompute() => BlindIndexer.Compute(_blindKey, "customers/emails", "ada.lovelace.42@example.com");

    [Benchmark]
    public string InteractionSerializePlain() => InteractionMapping.Instance.Serialize(_interaction, FieldProtector.Plain);

    [Benchmark]
    public string InteractionSerializeEncrypted() => InteractionMapping.Instance.Serialize(_interaction, _protector);

    [Benchmark]
    public Interaction InteractionDeserializePlain() => InteractionMapping.Instance.Deserialize(_plainDocument, FieldProtector.Plain);

    [Benchmark]
    public Interaction InteractionDeserializeEncrypted() => InteractionMapping.Instance.Deserialize(_encryptedDocument, _protector);

    public void Dispose()
    {
        _ring.Dispose();
        _blindIndexer.Dispose();
        _key.Dispose();
        _blindKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
