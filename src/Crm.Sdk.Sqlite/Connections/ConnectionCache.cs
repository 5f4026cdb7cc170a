namespace Crm.Sdk.Sqlite.Connections;

/// <summary>
/// The open connections of one store: one for the writer (writes take turns, so one is enough and its insert statements
/// stay prepared from batch to batch) and a few idle ones for readers. A connection comes back after each call; one that
/// failed, or comes back after the store was disposed or when enough are idle, is closed instead.
/// </summary>
internal sealed class ConnectionCache : IDisposable
{
    private readonly int _maxIdleReaders;
    private readonly Stack<CachedConnection> _idleReaders = new();
    private readonly Lock _lock = new();
    private CachedConnection? _writer;
    private bool _disposed;

    public ConnectionCache(int maxIdleReaders)
    {
        _maxIdleReaders = maxIdleReaders;
    }

    /// <summary>An idle reader connection, or <see langword="null"/> when the caller must open one.</summary>
    public CachedConnection? TakeReader()
    {
        lock (_lock)
        {
            return _idleReaders.TryPop(out var connection) ? connection : null;
        }
    }

    /// <summary>The writer connection, or <see langword="null"/> when the caller must open one. Call only as the one writer.</summary>
    public CachedConnection? TakeWriter()
    {
        lock (_lock)
        {
            var writer = _writer;
            _writer = null;
            return writer;
        }
    }

    /// <summary>Gives a reader connection back.</summary>
    public void ReturnReader(CachedConnection connection)
    {
        lock (_lock)
        {
            if (!_disposed && !connection.IsBroken && _idleReaders.Count < _maxIdleReaders)
            {
                _idleReaders.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    /// <summary>Gives the writer connection back.</summary>
    public void ReturnWriter(CachedConnection connection)
    {
        lock (_lock)
        {
            if (!_disposed && !connection.IsBroken && _writer is null)
            {
                _writer = connection;
                return;
            }
        }

        connection.Dispose();
    }

    /// <summary>Closes every idle connection; connections in use are closed when they come back.</summary>
    public void Dispose()
    {
        List<CachedConnection> closing;
        lock (_lock)
        {
            _disposed = true;
            closing = [.. _idleReaders];
            _idleReaders.Clear();
            if (_writer is not null)
            {
                closing.Add(_writer);
                _writer = null;
            }
        }

        foreach (var connection in closing)
        {
            connection.Dispose();
        }
    }
}
