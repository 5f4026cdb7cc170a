namespace Crm.Sdk.Encryption;

/// <summary>What <c>AddFieldEncryption</c> registered: the encrypted fields, the key-encryption keys and the blind-index keys.</summary>
/// <param name="EncryptedFields">The encrypted fields, <c>collection.field</c>.</param>
/// <param name="KeyEncryptionKeys">The key-encryption keys that wrap the data keys.</param>
/// <param name="RootKeys">The local root keys behind <paramref name="KeyEncryptionKeys"/>, or <see langword="null"/> when the host's own provider (a KMS) serves: they derive the legacy (version 1) blind-index keys.</param>
/// <param name="BlindIndexKeys">The blind-index keys, the current first; empty in the legacy configuration.</param>
/// <param name="BlindIndexLengths">The length of each field's blind index (version 2).</param>
internal sealed record FieldEncryptionSetup(
    ISet<string> EncryptedFields,
    IKeyEncryptionKeyProvider KeyEncryptionKeys,
    IRootKeyProvider? RootKeys,
    IReadOnlyList<(string Id, byte[] Key)> BlindIndexKeys,
    BlindIndexLengths BlindIndexLengths)
{
    /// <summary>Which legacy records are read (<see cref="FieldEncryptionOptions.LegacyRecords"/>).</summary>
    public LegacyRecordHandling LegacyRecords { get; init; } = LegacyRecordHandling.ReadVersion1Seals;

    /// <summary>What lists do with unreadable records (<see cref="FieldEncryptionOptions.UnreadableRecords"/>).</summary>
    public UnreadableRecordHandling UnreadableRecords { get; init; }

    /// <summary>Told of each skipped record (<see cref="FieldEncryptionOptions.UnreadableRecordSkipped"/>).</summary>
    public Action<CryptographicIntegrityException>? UnreadableRecordSkipped { get; init; }

    /// <summary>The form new blind indexes are computed in: version 2 with the current blind-index key, else version 1 under the current root key.</summary>
    public async ValueTask<BlindIndexForm> CurrentFormAsync(CancellationToken cancellationToken) =>
        BlindIndexKeys.Count > 0
            ? new BlindIndexForm(2, BlindIndexKeys[0].Id, BlindIndexLengths)
            : BlindIndexForm.V1((await RootKeys!.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false)).Id);

    /// <summary>
    /// Creates the blind indexer: new values in the current form; lookups in every form still possibly stored (every live
    /// key in the current lengths, the legacy form under every local root key, and the forms of <paramref name="registered"/>).
    /// </summary>
    public async ValueTask<BlindIndexer> CreateIndexerAsync(IReadOnlyList<BlindIndexForm> registered, CancellationToken cancellationToken)
    {
        var keys = BlindIndexKeys.Select(k => BlindIndexKey.FromSecret(k.Id, k.Key)).ToList();
        var forms = BlindIndexKeys.Select(k => new BlindIndexForm(2, k.Id, BlindIndexLengths)).ToList();
        if (RootKeys is not null)
        {
            var current = await RootKeys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
            var all = await RootKeys.GetAllKeysAsync(cancellationToken).ConfigureAwait(false);
            foreach (var root in all.Where(r => !string.Equals(r.Id, current.Id, StringComparison.Ordinal)).Prepend(current))
            {
                keys.Add(BlindIndexKey.DeriveFrom(root));
                forms.Add(BlindIndexForm.V1(root.Id));
            }
        }

        var currentForm = await CurrentFormAsync(cancellationToken).ConfigureAwait(false);
        return new BlindIndexer(keys, currentForm, [.. forms, .. registered]);
    }
}
