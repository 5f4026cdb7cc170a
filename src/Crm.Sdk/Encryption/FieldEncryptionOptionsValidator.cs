using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>Checks <see cref="FieldEncryptionOptions"/> and turns them into root keys, naming every bad option at once.</summary>
internal static class FieldEncryptionOptionsValidator
{
    private const string Name = nameof(FieldEncryptionOptions);

    /// <summary>Validates the options and returns the keys, the current one first.</summary>
    /// <exception cref="CrmConfigurationException">An option is missing or invalid; the message names each one.</exception>
    public static IReadOnlyList<RootKey> ToRootKeys(FieldEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var keys = new List<RootKey>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        if (options.RootKeys.Count == 0)
        {
            problems.Add($"{Name}.{nameof(FieldEncryptionOptions.RootKeys)} is empty: add at least one root key ({nameof(RootKeyOptions.Id)} and {nameof(RootKeyOptions.Base64Key)}: {RootKey.SizeInBytes} random bytes in base64, e.g. from 'openssl rand -base64 32').");
        }

        for (var i = 0; i < options.RootKeys.Count; i++)
        {
            var prefix = $"{Name}.{nameof(FieldEncryptionOptions.RootKeys)}[{i}]";
            var entry = options.RootKeys[i];
            if (entry is null)
            {
                problems.Add($"{prefix} is null.");
                continue;
            }

            var idOk = true;
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                problems.Add($"{prefix}.{nameof(RootKeyOptions.Id)} is missing.");
                idOk = false;
            }
            else if (!RootKey.IsValidId(entry.Id))
            {
                problems.Add($"{prefix}.{nameof(RootKeyOptions.Id)} '{entry.Id}' is invalid: use 1 to {RootKey.MaxIdLength} characters among ASCII letters, digits, '.', '_' and '-'.");
                idOk = false;
            }
            else if (!seen.Add(entry.Id))
            {
                problems.Add($"{prefix}.{nameof(RootKeyOptions.Id)} '{entry.Id}' is used by another root key.");
                idOk = false;
            }

            var bytes = DecodeKey(entry.Base64Key, $"{prefix}.{nameof(RootKeyOptions.Base64Key)}", problems);
            if (bytes is not null)
            {
                if (idOk)
                {
                    keys.Add(new RootKey(entry.Id!, bytes));
                }

                CryptographicOperations.ZeroMemory(bytes);
            }
        }

        var currentId = options.CurrentRootKeyId;
        if (string.IsNullOrWhiteSpace(currentId))
        {
            if (options.RootKeys.Count > 1)
            {
                problems.Add($"{Name}.{nameof(FieldEncryptionOptions.CurrentRootKeyId)} is missing: with several root keys, name the one that protects new data.");
            }
            else if (keys.Count == 1)
            {
                currentId = keys[0].Id;
            }
        }
        else if (!options.RootKeys.Any(k => k is not null && string.Equals(k.Id, currentId, StringComparison.Ordinal)))
        {
            problems.Add($"{Name}.{nameof(FieldEncryptionOptions.CurrentRootKeyId)} '{currentId}' is not the id of any entry of {Name}.{nameof(FieldEncryptionOptions.RootKeys)}.");
        }

        if (problems.Count > 0)
        {
            throw new CrmConfigurationException("Field encryption is misconfigured: " + string.Join(" ", problems));
        }

        var current = keys.Single(k => string.Equals(k.Id, currentId, StringComparison.Ordinal));
        return [current, .. keys.Where(k => !ReferenceEquals(k, current))];
    }

    /// <summary>Checks that every name in <see cref="FieldEncryptionOptions.EncryptedFields"/> is an encryptable field, and that the record handling options are defined values.</summary>
    /// <exception cref="CrmConfigurationException">A name is unknown (the message lists the known ones), or an option is not a defined value.</exception>
    public static void ValidateFields(FieldEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.LegacyRecords))
        {
            throw new CrmConfigurationException($"{Name}.{nameof(FieldEncryptionOptions.LegacyRecords)} is {(int)options.LegacyRecords}, which is not a {nameof(LegacyRecordHandling)} value.");
        }

        if (!Enum.IsDefined(options.UnreadableRecords))
        {
            throw new CrmConfigurationException($"{Name}.{nameof(FieldEncryptionOptions.UnreadableRecords)} is {(int)options.UnreadableRecords}, which is not a {nameof(UnreadableRecordHandling)} value.");
        }

        var known = EncryptableField.All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = options.EncryptedFields.Where(f => f is null || !known.Contains(f)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CrmConfigurationException(
                $"{Name}.{nameof(FieldEncryptionOptions.EncryptedFields)} names fields that cannot be encrypted: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. " +
                $"Encryptable fields: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
    }

    private static byte[]? DecodeKey(string? base64, string option, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            problems.Add($"{option} is missing.");
            return null;
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
        {
            CryptographicOperations.ZeroMemory(buffer);
            problems.Add($"{option} is not valid base64.");
            return null;
        }

        var key = buffer.AsSpan(0, written).ToArray();
        CryptographicOperations.ZeroMemory(buffer);
        if (key.Length != RootKey.SizeInBytes)
        {
            CryptographicOperations.ZeroMemory(key);
            problems.Add($"{option} decodes to {written} bytes; a root key must be exactly {RootKey.SizeInBytes} random bytes (AES-256).");
            return null;
        }

        return key;
    }
}
