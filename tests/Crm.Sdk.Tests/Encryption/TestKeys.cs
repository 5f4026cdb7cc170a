using System.Security.Cryptography;
using Crm.Sdk.Encryption;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Sdk.Tests.Encryption;

internal static class TestKeys
{
    public static readonly Instant CreatedAt = Instant.FromUtc(2025, 1, 15, 9, 30);

    public static readonly Guid RecordId = Guid.Parse("0194a6a1-7c00-7000-8000-000000000001");

    public static readonly Guid OtherRecordId = Guid.Parse("0194a6a1-7c00-7000-8000-000000000002");

    public static FieldContext Email(Guid? recordId = null) => new("customers", recordId ?? RecordId, "email");

    public static DataKey NewDataKey() => DataKey.Generate(CreatedAt);

    public static RootKey NewRootKey(string id) => new(id, RandomNumberGenerator.GetBytes(RootKey.SizeInBytes));

    public static string NewBase64Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(RootKey.SizeInBytes));

    /// <summary>Root keys as key-encryption keys (RFC 5649), as <c>AddFieldEncryption</c> uses them when the host registers no KMS.</summary>
    public static IKeyEncryptionKeyProvider Keks(string currentId, params (string Id, string Base64Key)[] keys) =>
        new RootKeyEncryptionKeyProvider(Provider(currentId, keys));

    public static OptionsRootKeyProvider Provider(string currentId, params (string Id, string Base64Key)[] keys)
    {
        var options = new FieldEncryptionOptions { CurrentRootKeyId = currentId };
        foreach (var (id, key) in keys)
        {
            options.RootKeys.Add(new RootKeyOptions { Id = id, Base64Key = key });
        }

        return new OptionsRootKeyProvider(Options.Create(options));
    }
}
