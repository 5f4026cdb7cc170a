using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Crm.Sdk.Tests.Registration;
using NodaTime;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>
/// A field protector as the store builds one, without storage: one customer's data key, known to a key ring (as if loaded)
/// and prepared for writing, and the given fields encrypted.
/// </summary>
internal sealed class SealingKeys : IDisposable
{
    private readonly DataKeyRing _ring = new(new InertDocumentStore(), TestKeys.Keks("k1", ("k1", TestKeys.NewBase64Key())), SystemClock.Instance);
    private readonly BlindIndexer _blindIndexer = new([BlindIndexKey.DeriveFrom(TestKeys.NewRootKey("k1"))]);

    public SealingKeys(params string[] encryptedFields)
    {
        Key = TestKeys.NewDataKey();
        _ring.Remember(CustomerId, Key);
        Protector = FieldProtector.ForReading(new HashSet<string>(encryptedFields, StringComparer.Ordinal), _ring, _blindIndexer, LegacyRecordHandling.ReadVersion1Seals)
            .WithWriteKeys(new Dictionary<Guid, DataKey> { [CustomerId] = Key });
    }

    /// <summary>The customer that owns the records.</summary>
    public Guid CustomerId { get; } = Guid.CreateVersion7();

    /// <summary>The claims of a first version of a record of <see cref="CustomerId"/>.</summary>
    public RecordClaims Claims => new(1, CustomerId);

    /// <summary>The customer's data key.</summary>
    public DataKey Key { get; }

    /// <summary>Seals for <see cref="CustomerId"/>'s records and opens them.</summary>
    public FieldProtector Protector { get; }

    /// <summary>Erases the customer: its key is forgotten and remembered as erased.</summary>
    public void Erase() => _ring.MarkErased(CustomerId, Key.Id);

    public void Dispose()
    {
        _ring.Dispose();
        _blindIndexer.Dispose();
        Key.Dispose();
    }
}
