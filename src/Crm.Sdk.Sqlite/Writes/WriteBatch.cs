using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Crm.Sdk.Sqlite.Connections;
using Crm.Sdk.Sqlite.Schema;
using Crm.Sdk.Sqlite.Sql;
using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Writes;

/// <summary>
/// Applies prepared writes in one transaction on the store's writer connection, whose statements stay prepared from
/// batch to batch: only parameter values change per row, which is what makes bulk appends fast.
/// </summary>
internal sealed class WriteBatch
{
    private const string UniqueFailed = "UNIQUE constraint failed: ";

    /// <summary>Ids checked per query by <see cref="RequireAll"/>.</summary>
    private const int RequireChunk = 64;

    private static readonly string[] RequireParameters = [.. Enumerable.Range(0, RequireChunk).Select(i => "@r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private readonly CachedConnection _connection;
    private readonly SqliteTransaction _transaction;

    public WriteBatch(CachedConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public void Apply(PreparedWrite<CollectionModel> write)
    {
        switch (write.Write.Kind)
        {
            case DocumentWriteKind.Insert or DocumentWriteKind.Import:
                Insert(write);
                break;
            case DocumentWriteKind.Update:
                Update(write);
                break;
            case DocumentWriteKind.Require:
                RequireAll([write]);
                break;
            case DocumentWriteKind.DeleteWhere:
                DeleteWhere(write);
                break;
            default:
                Delete(write);
                break;
        }
    }

    // The hot path of bulk appends: a native statement bound by position (see NativeStatement).
    private void Insert(PreparedWrite<CollectionModel> write)
    {
        var statement = _connection.Statement(write.Collection.InsertSql);
        statement.Bind(0, write.Id);
        statement.Bind(1, write.Write.NewVersion);
        statement.Bind(2, write.Write.Body);
        for (var i = 0; i < write.Columns.Length; i++)
        {
            statement.Bind(CollectionModel.FirstColumnParameter + i, write.Columns[i]);
        }

        try
        {
            statement.Execute();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw ConstraintBroken(ex, write);
        }

        InsertSideValues(write);
    }

    private void Update(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        var command = Command(model.UpdateSql, model.UpdateParameters);
        SetRow(command, write);
        command.Parameters[1].Value = write.Write.ExpectedVersion;
        if (Execute(command, write) == 0)
        {
            throw Conflict(write);
        }

        DeleteSideValues(write);
        InsertSideValues(write);
    }

    private void Delete(PreparedWrite<CollectionModel> write)
    {
        var command = Command(write.Collection.DeleteSql, ["@id", "@expected"]);
        command.Parameters[0].Value = write.Id;
        command.Parameters[1].Value = write.Write.ExpectedVersion;
        if (Execute(command, write) == 0)
        {
            throw Conflict(write);
        }

        DeleteSideValues(write);
    }

    /// <summary>
    /// Checks a run of consecutive <see cref="DocumentWriteKind.Require"/> writes of one collection (one or more) with one
    /// query per <see cref="RequireChunk"/> ids instead of one per id: nothing is written between them, so checking them
    /// together sees what checking them one by one would. The first missing document, in write order, is reported. No
    /// lock is needed: a batch runs in a <c>BEGIN IMMEDIATE</c> transaction, so no other writer can delete a required
    /// document before it commits.
    /// </summary>
    public void RequireAll(IReadOnlyList<PreparedWrite<CollectionModel>> run)
    {
        var model = run[0].Collection;
        var found = new HashSet<Guid>();
        var sql = RequireSql(model);
        for (var start = 0; start < run.Count; start += RequireChunk)
        {
            // Always RequireChunk parameters (the last id repeated), so one prepared statement serves every chunk.
            var command = Command(sql, RequireParameters);
            for (var i = 0; i < RequireChunk; i++)
            {
                command.Parameters[i].Value = run[Math.Min(start + i, run.Count - 1)].Id;
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add(GuidBytes.FromBytes((byte[])reader.GetValue(0)));
            }
        }

        foreach (var write in run)
        {
            if (!found.Contains(write.Write.Id))
            {
                throw new EntityNotFoundException(model.Name, write.Write.Id.ToString());
            }
        }
    }

    /// <summary>
    /// Reads the ids that match first, then deletes each document and its side rows: deleting side rows first would change
    /// what a filter on a multi-valued index matches, and deleting documents first would lose which side rows to remove.
    /// </summary>
    private void DeleteWhere(PreparedWrite<CollectionModel> write)
    {
        var ids = new List<byte[]>();
        using (var select = _connection.Connection.CreateCommand())
        {
            select.Transaction = _transaction;
            select.CommandText = $"SELECT {CollectionLayout.Alias}.\"id\" FROM {write.Collection.Table} AS {CollectionLayout.Alias} WHERE {write.FilterSql}";
            select.Parameters.AddRange(((SqliteSqlParameters)write.FilterParameters!).List.ToArray());

            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                ids.Add((byte[])reader.GetValue(0));
            }
        }

        var model = write.Collection;
        var delete = Command(model.DeleteAnyVersionSql, ["@id"]);
        foreach (var id in ids)
        {
            delete.Parameters[0].Value = id;
            delete.ExecuteNonQuery();
            for (var i = 0; i < model.MultiValued.Count; i++)
            {
                var side = Command(model.SideDeleteSql[i], ["@id"]);
                side.Parameters[0].Value = id;
                side.ExecuteNonQuery();
            }
        }
    }

    // By ordinal (Command creates the parameters in the model's order): a lookup by name would build each column's
    // parameter name and search the collection for it, for every row.
    private static void SetRow(SqliteCommand command, PreparedWrite<CollectionModel> write)
    {
        var parameters = command.Parameters;
        parameters[0].Value = write.Id;
        parameters[2].Value = write.Write.Body;
        for (var i = 0; i < write.Columns.Length; i++)
        {
            parameters[CollectionModel.FirstColumnParameter + i].Value = write.Columns[i];
        }
    }

    private void InsertSideValues(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        for (var i = 0; i < model.MultiValued.Count; i++)
        {
            var values = write.MultiValues[i];
            if (values.Length == 0)
            {
                continue;
            }

            // A native statement bound by position, the id once (a reset keeps bindings): side values are the most
            // numerous rows of a batch (tags, emails, name tokens, the record ids of audit entries).
            var statement = _connection.Statement(model.SideInsertSql[i]);
            statement.Bind(1, write.Id);
            foreach (var value in values)
            {
                statement.Bind(0, value);
                try
                {
                    statement.Execute();
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT && ex.Message.Contains(UniqueFailed, StringComparison.Ordinal))
                {
                    throw new DuplicateKeyException(model.Name, model.MultiValued[i].Name, value, ex);
                }
            }
        }
    }

    private void DeleteSideValues(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        for (var i = 0; i < model.MultiValued.Count; i++)
        {
            var command = Command(model.SideDeleteSql[i], ["@id"]);
            command.Parameters[0].Value = write.Id;
            command.ExecuteNonQuery();
        }
    }

    private static int Execute(SqliteCommand command, PreparedWrite<CollectionModel> write)
    {
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw ConstraintBroken(ex, write);
        }
    }

    /// <summary>A broken constraint as the SDK reports it: a duplicate key naming the index when it is one, else a storage error.</summary>
    private static Exception ConstraintBroken(SqliteException ex, PreparedWrite<CollectionModel> write) =>
        Duplicate(ex, write) ?? (Exception)new CrmStorageException($"A write to '{write.Collection.Name}' broke a constraint: {ex.Message}", ex);

    private static DuplicateKeyException? Duplicate(SqliteException ex, PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        var at = ex.Message.IndexOf(UniqueFailed, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        // "UNIQUE constraint failed: things.code" (one column per unique index of this layout).
        var failed = ex.Message[(at + UniqueFailed.Length)..].TrimEnd('.', '\'', ' ');
        var column = failed[(failed.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (column == "id")
        {
            return new DuplicateKeyException(model.Name, "id", write.Write.Id.ToString(), ex);
        }

        return model.Columns.FirstOrDefault(c => c.Name == column) is { } index
            ? new DuplicateKeyException(model.Name, index.Name, write.DescribeValue(index), ex)
            : null;
    }

    private ConcurrencyConflictException Conflict(PreparedWrite<CollectionModel> write)
    {
        var command = Command(write.Collection.VersionSql, ["@id"]);
        command.Parameters[0].Value = write.Id;
        var actual = command.ExecuteScalar();
        return new ConcurrencyConflictException(
            write.Collection.Name,
            write.Write.Id.ToString(),
            write.Write.ExpectedVersion,
            actual is null or DBNull ? null : Convert.ToInt64(actual, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string RequireSql(CollectionModel model) =>
        $"SELECT \"id\" FROM {model.Table} WHERE \"id\" IN ({string.Join(", ", RequireParameters)})";

    // The writer's cached command, with its parameters created (in the model's order) the first time it is used.
    private SqliteCommand Command(string sql, string[] parameters)
    {
        var command = _connection.Command(sql, _transaction);
        if (command.Parameters.Count == 0)
        {
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
            }

            command.Prepare();
        }

        return command;
    }
}
