using System.Globalization;
using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Connections;
using Crm.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite;

/// <summary>
/// The SQLite storage provider: one database file in WAL mode, one table per collection with a typed, indexed column
/// per index value, and a side table per multi-valued index. Plug it with <c>services.AddCrm().UseSqlite("crm.db")</c>;
/// construct it directly only outside dependency injection (tools, tests).
/// </summary>
/// <remarks>
/// Thread-safe. Writers of one store take turns on a semaphore and use <c>BEGIN IMMEDIATE</c> transactions, so
/// writers in other processes wait for the lock (up to <see cref="SqliteStoreOptions.BusyTimeout"/>) instead of
/// deadlocking; readers use connections of their own and run while a write is in progress. The store keeps its
/// connections open between calls with their statements prepared (one writer, a few idle readers), so a small read
/// neither opens a connection nor compiles SQL; <see cref="Dispose"/> closes them.
/// </remarks>
public sealed partial class SqliteDocumentStore : IDocumentStore, ISecureErasure, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The per-connection settings last applied to each physical SQLite connection (the pool hands the same handle out
    /// again), so a pooled open skips the PRAGMA batch when the handle already has this store's settings. Keyed by the
    /// handle object itself: a closed handle's entry goes with it, and a new handle never matches an old one. Shared by
    /// all stores because stores with equal connection strings share one pool (and may differ in settings).
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> AppliedPragmas = [];

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConnectionCache _connections = new(Math.Clamp(Environment.ProcessorCount * 2, 4, 16));
    private volatile StoreLayout<CollectionModel>? _model;
    private int _disposed;

    /// <summary>Creates a store over a database file; nothing is opened until the first call.</summary>
    /// <param name="connectionStringOrPath">
    /// A file path (<c>crm.db</c>) or a connection string (<c>Data Source=crm.db;...</c>); text containing <c>=</c> is
    /// read as a connection string.
    /// </param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The path or connection string is empty or invalid.</exception>
    public SqliteDocumentStore(string connectionStringOrPath, SqliteStoreOptions? options = null)
    {
        var settings = options?.Clone() ?? new SqliteStoreOptions();
        settings.Validate();
        _connectionString = BuildConnectionString(connectionStringOrPath, settings);
        var synchronous = settings.Synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL";
        var busy = ((long)settings.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // secure_delete: deleted and overwritten content is zeroed in the file, so erased data leaves no trace in free pages.
        _connectionPragmas = $"PRAGMA busy_timeout = {busy}; PRAGMA synchronous = {synchronous}; PRAGMA secure_delete = ON;";
        DataSource = new SqliteConnectionStringBuilder(_connectionString).DataSource;
    }

    /// <summary>The database file (the connection string's data source).</summary>
    public string DataSource { get; }

    /// <summary>Turns a file path or a connection string into the connection string the store uses.</summary>
    internal static string BuildConnectionString(string connectionStringOrPath, SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        ArgumentNullException.ThrowIfNull(options);
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath.Trim() };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no Data Source (the database file).", nameof(connectionStringOrPath));
        }

        builder.DefaultTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        return builder.ToString();
    }

    /// <inheritdoc />
    public async Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfDisposed();
        SchemaMigrator.Validate(schema);
        var model = new StoreLayout<CollectionModel>(schema.Collections, c => new CollectionModel(c));
        await WriteAsync(
            () => "creating or upgrading the schema",
            writer =>
            {
                var connection = writer.Connection;
                Execute(connection, "PRAGMA journal_mode = WAL");
                using var transaction = connection.BeginTransaction(deferred: false);
                SchemaMigrator.Apply(connection, transaction, schema);
                cancellationToken.ThrowIfCancellationRequested();
                transaction.Commit();
                return true;
            },
            cancellationToken).ConfigureAwait(false);

        _model = model;
    }

    /// <summary>
    /// Checkpoints the write-ahead log into the database file and truncates it, so that page images holding erased content
    /// do not linger in the <c>-wal</c> file (the database file itself is scrubbed by <c>secure_delete</c>). Waits, up to the
    /// busy timeout, for readers that still hold an older snapshot.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the log was checkpointed and truncated; <see langword="false"/> when a reader kept it busy.</returns>
    public Task<bool> PurgeDeletedContentAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return WriteAsync(
            () => "checkpointing the write-ahead log",
            writer =>
            {
                using var command = writer.Connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                using var reader = command.ExecuteReader();

                // One row: busy (1 when a reader or writer kept the checkpoint from completing), log frames, checkpointed frames.
                return reader.Read() && reader.GetInt64(0) == 0;
            },
            cancellationToken);
    }

    /// <summary>Closes the store's connections so the database file can be moved or deleted (one still in use closes when its call ends).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _connections.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    /// <summary>Closes the store's connections so the database file can be moved or deleted (one still in use closes when its call ends).</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static CrmStorageException StorageError(string doing, SqliteException ex) =>
        new($"SQLite failed while {doing}: {ex.Message}", ex)
        {
            IsTransient = ex.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED,
        };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

    /// <summary>An idle reader connection of this store, or a newly opened one; give it back with <see cref="ConnectionCache.ReturnReader"/>.</summary>
    private async ValueTask<CachedConnection> TakeReaderAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _connections.TakeReader() ?? new CachedConnection(await OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The writer connection (call only inside the write gate); give it back with <see cref="ConnectionCache.ReturnWriter"/>.</summary>
    private async ValueTask<CachedConnection> TakeWriterAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _connections.TakeWriter() ?? new CachedConnection(await OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a reader connection and gives it back; a SQLite failure closes the connection and
    /// becomes a <see cref="CrmStorageException"/> saying what was being done (<paramref name="doing"/>, built only then).
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<string> doing, Func<CachedConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await TakeReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await read(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            connection.Break();
            throw StorageError(doing(), ex);
        }
        finally
        {
            _connections.ReturnReader(connection);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> as the store's one writer: inside the write gate, on the writer connection; a SQLite
    /// failure closes the connection and becomes a <see cref="CrmStorageException"/> saying what was being done (<paramref name="doing"/>, built only then).
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<string> doing, Func<CachedConnection, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = await TakeWriterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return write(writer);
            }
            catch (SqliteException ex)
            {
                writer.Break();
                throw StorageError(doing(), ex);
            }
            finally
            {
                _connections.ReturnWriter(writer);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Opens a pooled connection with the store's per-connection settings.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            ApplyConnectionPragmas(connection);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw StorageError($"opening '{DataSource}'", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads a PRAGMA's value on a pooled connection of this store, as a read would see it (for tests).</summary>
    internal async Task<string?> ReadPragmaAsync(string pragma, CancellationToken cancellationToken)
    {
        return await ReadAsync(
            () => $"reading PRAGMA {pragma}",
            async reader =>
            {
                using var command = reader.Connection.CreateCommand();
                command.CommandText = "PRAGMA " + pragma;
                return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets busy timeout, synchronous and secure_delete on a physical connection that does not have this store's settings yet.</summary>
    private void ApplyConnectionPragmas(SqliteConnection connection)
    {
        var handle = connection.Handle;
        if (handle is not null && AppliedPragmas.TryGetValue(handle, out var applied) && string.Equals(applied, _connectionPragmas, StringComparison.Ordinal))
        {
            return;
        }

        Execute(connection, _connectionPragmas);
        if (handle is not null)
        {
            AppliedPragmas.AddOrUpdate(handle, _connectionPragmas);
        }
    }

    /// <summary>
    /// The schema this store works with: the one passed to <see cref="EnsureSchemaAsync"/>, else the one recorded in
    /// the database by an earlier run.
    /// </summary>
    private async Task<StoreLayout<CollectionModel>> GetModelAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (_model is { } model)
        {
            return model;
        }

        return await ReadAsync(
            () => $"reading the schema of '{DataSource}'",
            reader =>
            {
                var recorded = new StoreLayout<CollectionModel>(SchemaMigrator.ReadDefinitions(reader.Connection, null), c => new CollectionModel(c));
                if (!recorded.IsEmpty)
                {
                    _model = recorded;
                }

                return Task.FromResult(recorded);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
