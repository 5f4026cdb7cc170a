namespace Crm.Sdk.Encryption;

/// <summary>Finds the data key ids named by the envelopes in a document body, to load the keys before opening the fields.</summary>
internal static class EnvelopeScanner
{
    private const string Marker = "\"ce1:";

    public static void CollectKeyIds(string body, HashSet<Guid> keyIds)
    {
        var start = body.IndexOf(Marker, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = body.IndexOf('"', start + 1);
            if (end < 0)
            {
                return;
            }

            if (FieldCipher.TryGetDataKeyId(body[(start + 1)..end], out var keyId))
            {
                keyIds.Add(keyId);
            }

            start = body.IndexOf(Marker, end, StringComparison.Ordinal);
        }
    }
}
