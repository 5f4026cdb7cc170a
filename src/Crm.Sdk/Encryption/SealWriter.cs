using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Crm.Sdk.Storage.Json;

namespace Crm.Sdk.Encryption;

/// <summary>
/// Where the JSON of a record seal (<see cref="RecordFields"/>) is written before it is encrypted: a growable buffer
/// and the <see cref="Utf8JsonWriter"/> over it, one per thread, reused from record to record. The buffer holds
/// plaintext, so it is zeroed whenever bytes leave it: when it grows (the old array) and when it is given back
/// (<see cref="Dispose"/>).
/// </summary>
internal sealed class SealWriter : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 1024;

    // A buffer grown beyond this for an unusually large record goes back to the pool rather than staying with the thread.
    private const int MaxKeptSize = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = CrmJson.Options.Encoder };

    [ThreadStatic]
    private static SealWriter? t_cached;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    private SealWriter()
    {
        Json = new Utf8JsonWriter(this, WriterOptions);
    }

    /// <summary>The JSON writer over the buffer.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>The bytes written (and flushed) so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _written);

    /// <summary>This thread's writer, or a new one when it is in use (or was never made); give it back with <see cref="Dispose"/>.</summary>
    public static SealWriter Rent()
    {
        var writer = t_cached ?? new SealWriter();
        t_cached = null;
        return writer;
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Zeroes what was written, resets the JSON writer, and keeps the writer for the next record of this thread.</summary>
    public void Dispose()
    {
        Json.Reset();
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _written));
        _written = 0;
        if (_buffer.Length > MaxKeptSize)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        }

        t_cached = this;
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + needed));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _written));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
