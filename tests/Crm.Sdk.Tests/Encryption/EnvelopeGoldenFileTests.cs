using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Sdk.Encryption;
using NodaTime.Text;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>
/// The checked-in golden file freezes format version 1: values encrypted by an earlier build, with fixed keys, must
/// keep decrypting, and the documented algorithm must reproduce them.
/// </summary>
public sealed class EnvelopeGoldenFileTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Encryption", "Golden", "field-encryption-v1.json"))));

    private static JsonElement Root => Golden.Value.RootElement;

    /// <summary>
    /// The stored format-1 wrapped data key (written before wrapped keys were bound to their ids) still unwraps with the
    /// stored root key, and the documented format 1 (RFC 5649 of the 32-byte key alone) reproduces it.
    /// </summary>
    [Fact]
    public async Task Golden_wrapped_data_key_unwraps()
    {
        var provider = TestKeys.Provider(Root.GetProperty("rootKey").GetProperty("id").GetString()!, (RootKeyId, Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!));
        var wrapped = GoldenWrappedKey();

        using var key = await new DataKeyWrapper(new RootKeyEncryptionKeyProvider(provider)).UnwrapAsync(wrapped);
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!);

        Assert.Equal(1, wrapped.Format);
        Assert.Equal(DataKeyId, key.Id);
        Assert.Equal(DataKeyBytes, key.Material.ToArray());
        Assert.Equal(wrapped.WrappedKey, aes.EncryptKeyWrapPadded(DataKeyBytes));
    }

    /// <summary>Every golden envelope decrypts to its plaintext through the SDK.</summary>
    [Fact]
    public async Task Golden_envelopes_decrypt()
    {
        var provider = TestKeys.Provider(RootKeyId, (RootKeyId, Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!));
        using var key = await new DataKeyWrapper(new RootKeyEncryptionKeyProvider(provider)).UnwrapAsync(GoldenWrappedKey());
        var count = 0;

        foreach (var field in Root.GetProperty("fields").EnumerateArray())
        {
            var context = Context(field);

            Assert.Equal(field.GetProperty("plaintext").GetString(), FieldCipher.Decrypt(field.GetProperty("envelope").GetString()!, context, key));
            count++;
        }

        Assert.Equal(4, count);
    }

    /// <summary>
    /// The documented algorithm, written here with bare .NET primitives, decrypts every golden envelope: the
    /// documentation of the byte layout, the associated data and the key derivation is exact.
    /// </summary>
    [Fact]
    public void Golden_envelopes_decrypt_with_the_documented_algorithm()
    {
        foreach (var field in Root.GetProperty("fields").EnumerateArray())
        {
            var text = field.GetProperty("envelope").GetString()!;
            Assert.StartsWith("ce1:", text, StringComparison.Ordinal);
            var envelope = Base64Url.DecodeFromChars(text.AsSpan(4));
            var collection = Encoding.UTF8.GetBytes(field.GetProperty("collection").GetString()!);
            var fieldName = Encoding.UTF8.GetBytes(field.GetProperty("field").GetString()!);
            var recordId = Guid.Parse(field.GetProperty("recordId").GetString()!).ToByteArray(bigEndian: true);

            Assert.Equal(0x01, envelope[0]);
            Assert.Equal(DataKeyId.ToByteArray(bigEndian: true), envelope[1..17]);

            var info = Concat("crm-sdk/field-key/v1"u8.ToArray(), LengthPrefixed(collection), LengthPrefixed(fieldName));
            var fieldKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, DataKeyBytes, 32, [], info);
            var aad = Concat(envelope[..17], LengthPrefixed(collection), recordId, LengthPrefixed(fieldName));
            var plaintext = new byte[envelope.Length - 45];
            using var gcm = new AesGcm(fieldKey, 16);
            gcm.Decrypt(envelope[17..29], envelope[29..^16], envelope[^16..], plaintext, aad);

            Assert.Equal(field.GetProperty("plaintext").GetString(), Encoding.UTF8.GetString(plaintext));
        }
    }

    /// <summary>Blind indexes computed with the golden root key equal the stored ones, through the SDK and by the documented formula.</summary>
    [Fact]
    public void Golden_blind_indexes_are_reproduced()
    {
        var root = new RootKey(RootKeyId, Convert.FromBase64String(Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!));
        using var indexer = new BlindIndexer([BlindIndexKey.DeriveFrom(root)]);
        var indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!), 32, [], "crm-sdk/blind-index-key/v1"u8.ToArray());

        foreach (var entry in Root.GetProperty("blindIndexes").EnumerateArray())
        {
            var purpose = entry.GetProperty("purpose").GetString()!;
            var value = entry.GetProperty("normalizedValue").GetString()!;
            var expected = entry.GetProperty("index").GetString()!;
            var mac = HMACSHA256.HashData(indexKey, Concat(LengthPrefixed(Encoding.UTF8.GetBytes(purpose)), Encoding.UTF8.GetBytes(value)));

            Assert.Equal(expected, indexer.Compute(purpose, value));
            Assert.Equal(expected, $"bi1:{RootKeyId}:{Base64Url.EncodeToString(mac.AsSpan(0, 16))}");
        }
    }

    /// <summary>A golden envelope read in another record of the golden set fails as an integrity error.</summary>
    [Fact]
    public async Task Golden_envelope_read_elsewhere_is_refused()
    {
        var provider = TestKeys.Provider(RootKeyId, (RootKeyId, Root.GetProperty("rootKey").GetProperty("base64Key").GetString()!));
        using var key = await new DataKeyWrapper(new RootKeyEncryptionKeyProvider(provider)).UnwrapAsync(GoldenWrappedKey());
        var fields = Root.GetProperty("fields").EnumerateArray().ToList();

        _ = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(fields[0].GetProperty("envelope").GetString()!, Context(fields[3]), key));
    }

    private static string RootKeyId => Root.GetProperty("rootKey").GetProperty("id").GetString()!;

    private static Guid DataKeyId => Guid.Parse(Root.GetProperty("dataKey").GetProperty("id").GetString()!);

    private static byte[] DataKeyBytes => Convert.FromBase64String(Root.GetProperty("dataKey").GetProperty("base64Key").GetString()!);

    private static WrappedDataKey GoldenWrappedKey()
    {
        var wrapped = Root.GetProperty("dataKey").GetProperty("wrapped");
        return new WrappedDataKey(
            DataKeyId,
            Guid.Parse("0194a6a1-7c00-7000-8000-00000000c0de"), // format 1 binds no customer: any id reads it
            wrapped.GetProperty("rootKeyId").GetString()!,
            Convert.FromBase64String(wrapped.GetProperty("base64WrappedKey").GetString()!),
            InstantPattern.General.Parse(wrapped.GetProperty("createdAt").GetString()!).GetValueOrThrow(),
            Format: 1);
    }

    private static FieldContext Context(JsonElement field) => new(
        field.GetProperty("collection").GetString()!,
        Guid.Parse(field.GetProperty("recordId").GetString()!),
        field.GetProperty("field").GetString()!);

    private static byte[] LengthPrefixed(byte[] value)
    {
        var result = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)value.Length);
        value.CopyTo(result, 4);
        return result;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
