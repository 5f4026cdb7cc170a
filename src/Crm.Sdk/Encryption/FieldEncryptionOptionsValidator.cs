using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>Checks <see cref="FieldEncryptionOptions"/> and turns them into root keys and blind-index keys, naming every bad option at once.</summary>
internal static class FieldEncryptionOptionsValidator
{
    private const string Name = nameof(FieldEncryptionOptions);

    /// <summary>Validates the root keys of the options and returns them, the current one first.</summary>
    /// <exception cref="CrmConfigurationException">An option is missing or invalid; the message names each one.</exception>
    public static IReadOnlyList<RootKey> ToRootKeys(FieldEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var keys = ReadKeys(
            [.. options.RootKeys.Select(k => k is null ? ((string? Id, string? Base64Key)?)null : (k.Id, k.Base64Key))],
            options.CurrentRootKeyId,
            nameof(FieldEncryptionOptions.RootKeys),
            nameof(FieldEncryptionOptions.CurrentRootKeyId),
            "root key",
            problems);
        ThrowIfAny(problems);
        var result = keys.Select(k => new RootKey(k.Id, k.Key)).ToList();
        foreach (var (_, key) in keys)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return result;
    }

    /// <summary>
    /// Validates the blind-index options and returns the blind-index keys (the current first; empty for the legacy
    /// configuration, where a key derived from the root keys serves) and the lengths.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="localRootKeys">Whether the data keys are wrapped by local root keys (which can derive the legacy blind-index key).</param>
    /// <exception cref="CrmConfigurationException">An option is missing or invalid; the message names each one.</exception>
    public static (IReadOnlyList<(string Id, byte[] Key)> Keys, BlindIndexLengths Lengths) ToBlindIndexSetup(FieldEncryptionOptions options, bool localRootKeys)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckBits(options.EmailBlindIndexBits, nameof(FieldEncryptionOptions.EmailBlindIndexBits), problems);
        CheckBits(options.PhoneBlindIndexBits, nameof(FieldEncryptionOptions.PhoneBlindIndexBits), problems);
        CheckBits(options.NamePrefixBlindIndexBits, nameof(FieldEncryptionOptions.NamePrefixBlindIndexBits), problems);
        var lengths = new BlindIndexLengths(options.EmailBlindIndexBits, options.PhoneBlindIndexBits, options.NamePrefixBlindIndexBits);

        IReadOnlyList<(string Id, byte[] Key)> keys = [];
        if (options.BlindIndexKeys.Count > 0)
        {
            keys = ReadKeys(
                [.. options.BlindIndexKeys.Select(k => k is null ? ((string? Id, string? Base64Key)?)null : (k.Id, k.Base64Key))],
                options.CurrentBlindIndexKeyId,
                nameof(FieldEncryptionOptions.BlindIndexKeys),
                nameof(FieldEncryptionOptions.CurrentBlindIndexKeyId),
                "blind-index key",
                problems);
        }
        else if (!localRootKeys)
        {
            problems.Add($"{Name}.{nameof(FieldEncryptionOptions.BlindIndexKeys)} is empty: with a key-encryption key provider of the host ({nameof(IKeyEncryptionKeyProvider)}), the blind indexes need a key of their own ({nameof(BlindIndexKeyOptions.Id)} and {nameof(BlindIndexKeyOptions.Base64Key)}: {BlindIndexKey.SizeInBytes} random bytes in base64, e.g. from 'openssl rand -base64 32').");
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(options.CurrentBlindIndexKeyId))
            {
                problems.Add($"{Name}.{nameof(FieldEncryptionOptions.CurrentBlindIndexKeyId)} is set but {Name}.{nameof(FieldEncryptionOptions.BlindIndexKeys)} is empty.");
            }

            if (lengths != BlindIndexLengths.Default)
            {
                problems.Add($"{Name}.{nameof(FieldEncryptionOptions.EmailBlindIndexBits)}, {nameof(FieldEncryptionOptions.PhoneBlindIndexBits)} and {nameof(FieldEncryptionOptions.NamePrefixBlindIndexBits)} apply to blind indexes computed with {Name}.{nameof(FieldEncryptionOptions.BlindIndexKeys)}, which is empty: add a blind-index key (the legacy key derived from the root key always computes 128-bit indexes).");
            }
        }

        if (problems.Count > 0)
        {
            foreach (var (_, key) in keys)
            {
                CryptographicOperations.ZeroMemory(key);
            }

            ThrowIfAny(problems);
        }

        return (keys, lengths);
    }

    private static void CheckBits(int bits, string option, List<string> problems)
    {
        if (!BlindIndexLengths.IsValid(bits))
        {
            problems.Add($"{Name}.{option} is {bits}: use a multiple of 8 from {FieldEncryptionOptions.MinBlindIndexBits} to {FieldEncryptionOptions.MaxBlindIndexBits} bits.");
        }
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new CrmConfigurationException("Field encryption is misconfigured: " + string.Join(" ", problems));
        }
    }

    /// <summary>Reads a list of keys with ids and the id of the current one; returns them, the current first, or adds problems.</summary>
    private static List<(string Id, byte[] Key)> ReadKeys(
        IReadOnlyList<(string? Id, string? Base64Key)?> entries, string? currentId, string listOption, string currentOption, string what, List<string> problems)
    {
        var keys = new List<(string Id, byte[] Key)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problemCount = problems.Count;

        if (entries.Count == 0)
        {
            problems.Add($"{Name}.{listOption} is empty: add at least one {what} ({nameof(RootKeyOptions.Id)} and {nameof(RootKeyOptions.Base64Key)}: {RootKey.SizeInBytes} random bytes in base64, e.g. from 'openssl rand -base64 32').");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var prefix = $"{Name}.{listOption}[{i}]";
            if (entries[i] is not { } entry)
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
                problems.Add($"{prefix}.{nameof(RootKeyOptions.Id)} '{entry.Id}' is used by another {what}.");
                idOk = false;
            }

            var bytes = DecodeKey(entry.Base64Key, $"{prefix}.{nameof(RootKeyOptions.Base64Key)}", what, problems);
            if (bytes is not null)
            {
                if (idOk)
                {
                    keys.Add((entry.Id!, bytes));
                }
                else
                {
                    CryptographicOperations.ZeroMemory(bytes);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(currentId))
        {
            if (entries.Count > 1)
            {
                problems.Add($"{Name}.{currentOption} is missing: with several {what}s, name the one that protects new data.");
            }
            else if (keys.Count == 1)
            {
                currentId = keys[0].Id;
            }
        }
        else if (!entries.Any(k => k is { } e && string.Equals(e.Id, currentId, StringComparison.Ordinal)))
        {
            problems.Add($"{Name}.{currentOption} '{currentId}' is not the id of any entry of {Name}.{listOption}.");
        }

        if (problems.Count > problemCount)
        {
            foreach (var (_, key) in keys)
            {
                CryptographicOperations.ZeroMemory(key);
            }

            return [];
        }

        var current = keys.Single(k => string.Equals(k.Id, currentId, StringComparison.Ordinal));
        return [current, .. keys.Where(k => !string.Equals(k.Id, currentId, StringComparison.Ordinal))];
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

    private static byte[]? DecodeKey(string? base64, string option, string what, List<string> problems)
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
            problems.Add($"{option} decodes to {written} bytes; a {what} must be exactly {RootKey.SizeInBytes} random bytes (256 bits).");
            return null;
        }

        return key;
    }
}
