using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Crm.Sdk.Encryption;

/// <summary>
/// The AES-256-GCM key of one field of one data key (<see cref="FieldKeyDerivation"/>), derived once and kept with a small
/// pool of <see cref="AesGcm"/> instances: deriving the key and building the cipher for every value would cost more than
/// encrypting it. <see cref="AesGcm"/> is not thread-safe, so each operation rents an instance of its own.
/// </summary>
internal sealed class FieldKey : IDisposable
{
    private const int MaxPooled = 8;

    private readonly byte[] _key = new byte[FieldKeyDerivation.KeySize];
    private readonly ConcurrentBag<AesGcm> _pool = [];

    // One instance kept outside the bag: the common case (one operation at a time per field key) then costs one
    // interlocked exchange instead of a ConcurrentBag take and add (about 0.1 µs per value, measured).
    private AesGcm? _spare;
    private volatile bool _disposed;

    public FieldKey(ReadOnlySpan<byte> dataKey, string collection, string field)
    {
        FieldKeyDerivation.Derive(dataKey, collection, field, _key);
    }

    public AesGcm Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Interlocked.Exchange(ref _spare, null)
            ?? (_pool.TryTake(out var gcm) ? gcm : new AesGcm(_key, EnvelopeFormat.TagSize));
    }

    public void Return(AesGcm gcm)
    {
        if (!_disposed && Interlocked.CompareExchange(ref _spare, gcm, null) is null)
        {
            // Dispose may have run between the check and the exchange: take it back out and dispose it then.
            if (_disposed && Interlocked.Exchange(ref _spare, null) is { } late)
            {
                late.Dispose();
            }

            return;
        }

        if (_disposed || _pool.Count >= MaxPooled)
        {
            gcm.Dispose();
            return;
        }

        _pool.Add(gcm);
    }

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
        Interlocked.Exchange(ref _spare, null)?.Dispose();
        while (_pool.TryTake(out var gcm))
        {
            gcm.Dispose();
        }
    }
}
