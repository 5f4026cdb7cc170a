using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Npgsql;

namespace Crm.Sdk.PostgreSql;

/// <summary>
/// The PostgreSQL storage provider: one schema per CRM, one table per collection with a typed, indexed column per index
/// value, and a side table per multi-valued index. Plug it with <c>services.AddCrm().UsePostgreSql(connectionString)</c>;
/// construct it directly only outside dependency injection (tools, tests).
/// </summary>
/// <remarks>
/// Thread-safe: every call takes its own pooled connection from the <see cref="NpgsqlDataSource"/>. Each commit is one
/// transaction at READ COMMITTED; optimistic concurrency rests on the version checks of its updates and deletes.
/// </remarks>
public sealed partial class PostgreSqlDocumentStore : IDocumentStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly int _commandTimeout;
    private volatile StoreLayout<CollectionModel>? _model;
    private int _disposed;

    /// <summary>Creates a store that owns a pooled data source built from a connection string; nothing is opened until the first call.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or an option is invalid.</exception>
    public PostgreSqlDocumentStore(string connectionString, PostgreSqlStoreOptions? options = null)
        : this(NpgsqlDataSource.Create(ParseConnectionString(connectionString)), options, ownsDataSource: true)
    {
    }

    /// <summary>Creates a store over a data source the caller owns; the store never disposes it.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public PostgreSqlDocumentStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null)
        : this(dataSource, options, ownsDataSource: false)
    {
    }

    private PostgreSqlDocumentStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var settings = options?.Clone() ?? new PostgreSqlStoreOptions();
        try
        {
            settings.Validate();
        }
        catch when (ownsDataSource)
        {
            dataSource.Dispose();
            throw;
        }

        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _commandTimeout = (int)Math.Ceiling(settings.CommandTimeout.TotalSeconds);
        Schema = settings.Schema;
    }

    /// <summary>The PostgreSQL schema that holds this store's tables.</summary>
    public string Schema { get; }

    /// <inheritdoc />
    public async Task EnsureSchemaAsync(StoreSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfDisposed();
        SchemaMigrator.Validate(schema);
        var connection = await OpenAsync("opening a connection", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await SchemaMigrator.ApplyAsync(connection, transaction, Schema, schema, _commandTimeout, cancellationToken).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw StorageErrors.Wrap($"creating or upgrading the schema '{Schema}'", ex);
            }
        }

        _model = Layout(schema.Collections);
    }

    /// <summary>Releases the data source when the store owns it (built from a connection string); a host's data source is left open.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>Releases the data source when the store owns it (built from a connection string); a host's data source is left open.</summary>
    /// <returns>A task that completes when the data source is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads a connection string, turning Npgsql's errors into an <see cref="ArgumentException"/>.</summary>
    internal static string ParseConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ArgumentException($"The PostgreSQL connection string is invalid: {ex.Message}", nameof(connectionString), ex);
        }
    }

    private StoreLayout<CollectionModel> Layout(IEnumerable<CollectionDefinition> collections) =>
        new(collections, c => new CollectionModel(Schema, c));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

    private async Task<NpgsqlConnection> OpenAsync(string doing, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw StorageErrors.Wrap(doing, ex);
        }
    }

    /// <summary>
    /// The schema this store works with: the one passed to <see cref="EnsureSchemaAsync"/>, else the one recorded in the
    /// database by an earlier run.
    /// </summary>
    private async Task<StoreLayout<CollectionModel>> GetModelAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (_model is { } model)
        {
            return model;
        }

        var connection = await OpenAsync("reading the schema", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var recorded = Layout(await SchemaMigrator.ReadDefinitionsAsync(connection, null, Schema, _commandTimeout, cancellationToken).ConfigureAwait(false));
                if (!recorded.IsEmpty)
                {
                    _model = recorded;
                }

                return recorded;
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw StorageErrors.Wrap($"reading the schema '{Schema}'", ex);
            }
        }
    }
}
