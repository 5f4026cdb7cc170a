using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.PostgreSql.Writes;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql;

/// <content>Writes: one transaction per commit, version checks, duplicate keys.</content>
public sealed partial class PostgreSqlDocumentStore
{
    /// <inheritdoc />
    public async Task CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var model = await GetModelAsync(cancellationToken).ConfigureAwait(false);
        var prepared = writes.Select(w => model.Prepare(w)).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        if (prepared.Length == 0)
        {
            return;
        }

        var plan = WriteBatch.Build(prepared);
        var connection = await OpenAsync("opening a connection to commit", cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            Exception? failure;
            NpgsqlTransaction? transaction = null;
            try
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                using var batch = new NpgsqlBatch(connection, transaction) { Timeout = _commandTimeout };
                foreach (var command in plan.Commands)
                {
                    batch.BatchCommands.Add(command);
                }

                try
                {
                    await ExecuteAsync(batch, plan, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == StorageErrors.UniqueViolation)
                {
                    var failedAt = ex.BatchCommand is { } failed ? plan.Commands.IndexOf(failed) : -1;
                    var conflict = FirstConflict(plan, failedAt < 0 ? int.MaxValue : failedAt);
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    if (conflict is not null)
                    {
                        throw await ConflictAsync(connection, null, conflict, cancellationToken).ConfigureAwait(false);
                    }

                    throw await DuplicateAsync(connection, plan, prepared, failedAt, ex, cancellationToken).ConfigureAwait(false);
                }

                if (FirstConflict(plan, int.MaxValue) is { } stale)
                {
                    var error = await ConflictAsync(connection, transaction, stale, cancellationToken).ConfigureAwait(false);
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    throw error;
                }

                // The last point a cancellation is honoured: once COMMIT is sent it may take effect on the server, and a
                // caller told "cancelled" must be able to rely on nothing having been written.
                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                failure = ex;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }

            throw StorageErrors.Wrap($"committing {prepared.Length} write(s)", failure);
        }
    }

    /// <summary>
    /// Runs the batch. Requirements are the only statements that return rows, one result set each in write order
    /// (Npgsql reports no row count for a SELECT): whether each returned its row is recorded in the plan.
    /// </summary>
    private static async Task ExecuteAsync(NpgsqlBatch batch, WriteBatch plan, CancellationToken cancellationToken)
    {
        if (plan.Requirements.Count == 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var result = 0;
            do
            {
                plan.RecordRequirement(result++, await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// The first update, delete or requirement (in write order, before command <paramref name="before"/>) that matched no
    /// row (a requirement counts only once its result was read).
    /// </summary>
    private static PreparedWrite<CollectionModel>? FirstConflict(WriteBatch plan, int before) =>
        plan.VersionChecks.FirstOrDefault(c => c.Command < before && (c.Write.Kind == DocumentWriteKind.Require
            ? plan.IsMissing(c.Command)
            : plan.Commands[c.Command].RecordsAffected == 0)).Write;

    /// <summary>The error of a failed check: a missing required document, or a version that did not match (with the actual one).</summary>
    private async Task<CrmException> ConflictAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PreparedWrite<CollectionModel> write, CancellationToken cancellationToken)
    {
        if (write.Kind == DocumentWriteKind.Require)
        {
            return new EntityNotFoundException(write.Collection.Name, write.Write.Id.ToString());
        }

        using var command = new NpgsqlCommand($"SELECT \"version\" FROM {write.Collection.Table} WHERE \"id\" = $1", connection, transaction)
        {
            CommandTimeout = _commandTimeout,
        };
        command.Parameters.Add(new NpgsqlParameter { Value = write.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        var actual = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new ConcurrencyConflictException(write.Collection.Name, write.Write.Id.ToString(), write.Write.ExpectedVersion, actual is long version ? version : null);
    }

    /// <summary>
    /// Names the key and value of a unique violation. PostgreSQL names the violated index; the value is the first
    /// candidate of the failing statement that another write of the batch, or a committed document, already holds.
    /// </summary>
    private async Task<Exception> DuplicateAsync(
        NpgsqlConnection connection, WriteBatch plan, IReadOnlyList<PreparedWrite<CollectionModel>> writes, int failedAt, PostgresException error, CancellationToken cancellationToken)
    {
        var owner = error.SchemaName == Schema && error.ConstraintName is { } constraint
            ? writes.Select(w => w.Collection).Distinct().FirstOrDefault(c => c.TryGetKeyOfConstraint(constraint, out _))
            : null;
        if (owner is null || !owner.TryGetKeyOfConstraint(error.ConstraintName!, out var key))
        {
            return StorageErrors.Wrap("committing: a unique constraint outside the provider's layout was violated", error);
        }

        var failing = failedAt >= 0 ? plan.WritesOf(failedAt) : writes.Where(w => w.Collection == owner).ToArray();
        var candidates = failing.Where(w => w.Collection == owner)
            .SelectMany(w => w.ValuesOf(key).Select(v => (Value: v, w.Write.Id)))
            .ToArray();

        // A value that an earlier write of the same batch also gives to another document.
        var seen = new Dictionary<object, Guid>();
        foreach (var write in writes.Where(w => w.Collection == owner))
        {
            foreach (var value in write.ValuesOf(key))
            {
                if (seen.TryGetValue(value, out var holder) && (holder != write.Write.Id || key == "id") && candidates.Contains((value, write.Write.Id)))
                {
                    return new DuplicateKeyException(owner.Name, key, SqlDialect.Format(value), error);
                }

                seen.TryAdd(value, write.Write.Id);
            }
        }

        // Else a value a committed document holds.
        object? found = null;
        try
        {
            found = await FindCommittedAsync(connection, owner, key, candidates, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex))
        {
            // The report loses its value, not its kind.
        }

        return new DuplicateKeyException(owner.Name, key, SqlDialect.Format(found ?? candidates.FirstOrDefault().Value), error);
    }

    private async Task<object?> FindCommittedAsync(NpgsqlConnection connection, CollectionModel owner, string key, (object Value, Guid Id)[] candidates, CancellationToken cancellationToken)
    {
        if (candidates.Length == 0)
        {
            return null;
        }

        var parameters = new PostgreSqlParameters();
        var ids = parameters.Add(candidates.Select(c => c.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        string sql;
        if (key == "id")
        {
            sql = $"SELECT c.id FROM unnest({ids}::uuid[]) WITH ORDINALITY AS c(id, n) WHERE EXISTS (SELECT 1 FROM {owner.Table} t WHERE t.\"id\" = c.id) ORDER BY c.n LIMIT 1";
        }
        else
        {
            var index = owner.GetIndex(key);
            var type = index.IsMultiValued ? IndexValueType.Text : index.Type;
            var values = parameters.Add(IndexValueCodec.ToArray(type, candidates.Select(c => c.Value)), NpgsqlDbType.Array | IndexValueCodec.DbType(type));
            var (table, column) = index.IsMultiValued ? (owner.SideTable(index), "\"value\"") : (owner.Table, SqlIdentifier.Quote(index.Name));
            sql = $"SELECT c.v FROM unnest({values}::{IndexValueCodec.CastType(type)}[], {ids}::uuid[]) WITH ORDINALITY AS c(v, id, n) "
                + $"WHERE EXISTS (SELECT 1 FROM {table} t WHERE t.{column} = c.v AND t.\"id\" <> c.id) ORDER BY c.n LIMIT 1";
        }

        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
        parameters.CopyTo(command.Parameters);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is DBNull ? null : result;
    }
}
