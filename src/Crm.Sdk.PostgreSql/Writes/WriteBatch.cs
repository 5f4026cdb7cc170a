using Crm.Sdk.PostgreSql.Schema;
using Crm.Sdk.PostgreSql.Sql;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Sdk.PostgreSql.Writes;

/// <summary>
/// The statements of one commit, sent in one <see cref="NpgsqlBatch"/> (one round trip). Runs of consecutive inserts
/// into one collection become one <c>INSERT … SELECT FROM unnest(arrays)</c> per table, so bulk appends cost a few
/// statements however many documents they hold; updates and deletes carry their version check in the WHERE clause and
/// are checked by their row counts, as are requirements (<c>SELECT … FOR KEY SHARE</c>, which also keeps the required row
/// from being deleted until commit). A <see cref="DocumentWriteKind.DeleteWhere"/> is one statement that deletes the
/// matching rows and, through their returned ids, their side rows.
/// </summary>
internal sealed class WriteBatch
{
    /// <summary>The most documents one insert statement carries.</summary>
    private const int RowsPerInsert = 5_000;

    private static readonly string[] DocumentColumns = ["\"id\"", "\"version\"", "\"body\""];
    private static readonly string[] DocumentValues = ["u.id", "u.version", "u.body::json"];

    private readonly List<IReadOnlyList<PreparedWrite<CollectionModel>>> _writesOfCommand = [];
    private readonly List<(int Command, PreparedWrite<CollectionModel> Write)> _versionChecks = [];
    private readonly List<int> _requirements = [];
    private readonly HashSet<int> _missing = [];

    private WriteBatch()
    {
    }

    public List<NpgsqlBatchCommand> Commands { get; } = [];

    /// <summary>
    /// The updates, deletes and requirements, each with the command whose row count tells whether its version matched
    /// (or its document exists), in write order.
    /// </summary>
    public IReadOnlyList<(int Command, PreparedWrite<CollectionModel> Write)> VersionChecks => _versionChecks;

    /// <summary>The commands of the requirements, in write order: the only commands that return rows (one result set each).</summary>
    public IReadOnlyList<int> Requirements => _requirements;

    /// <summary>Records what the result set of the requirement number <paramref name="requirement"/> held.</summary>
    public void RecordRequirement(int requirement, bool found)
    {
        if (!found && requirement < _requirements.Count)
        {
            _missing.Add(_requirements[requirement]);
        }
    }

    /// <summary>Whether the requirement of <paramref name="command"/> found no document.</summary>
    public bool IsMissing(int command) => _missing.Contains(command);

    /// <summary>The writes a command applies (to tell which write failed).</summary>
    public IReadOnlyList<PreparedWrite<CollectionModel>> WritesOf(int command) => _writesOfCommand[command];

    public static WriteBatch Build(IReadOnlyList<PreparedWrite<CollectionModel>> writes)
    {
        var batch = new WriteBatch();
        var i = 0;
        while (i < writes.Count)
        {
            var write = writes[i];
            if (write.Write.IsInsert)
            {
                var run = new List<PreparedWrite<CollectionModel>>();
                while (i < writes.Count && writes[i].Write.IsInsert && writes[i].Collection == write.Collection && run.Count < RowsPerInsert)
                {
                    run.Add(writes[i++]);
                }

                batch.AddInserts(write.Collection, run);
                continue;
            }

            if (write.Kind == DocumentWriteKind.Update)
            {
                batch.AddUpdate(write);
            }
            else if (write.Kind == DocumentWriteKind.Require)
            {
                batch.AddRequire(write);
            }
            else if (write.Kind == DocumentWriteKind.DeleteWhere)
            {
                batch.AddDeleteWhere(write);
            }
            else
            {
                batch.AddDelete(write);
            }

            i++;
        }

        return batch;
    }

    private void Add(string sql, PostgreSqlParameters parameters, IReadOnlyList<PreparedWrite<CollectionModel>> writes)
    {
        var command = new NpgsqlBatchCommand(sql);
        parameters.CopyTo(command.Parameters);
        Commands.Add(command);
        _writesOfCommand.Add(writes);
    }

    private void AddInserts(CollectionModel model, List<PreparedWrite<CollectionModel>> run)
    {
        var parameters = new PostgreSqlParameters();
        var arrays = new List<string>
        {
            parameters.Add(run.Select(w => w.Write.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid) + "::uuid[]",
            parameters.Add(run.Select(w => w.Write.NewVersion).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint) + "::bigint[]",
            parameters.Add(run.Select(w => w.Write.Body!).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text) + "::text[]",
        };
        var aliases = new List<string> { "id", "version", "body" };
        for (var c = 0; c < model.Columns.Count; c++)
        {
            var index = model.Columns[c];
            var column = c;
            arrays.Add(parameters.Add(IndexValueCodec.ToArray(index.Type, run.Select(w => w.Columns[column])), NpgsqlDbType.Array | IndexValueCodec.DbType(index.Type))
                + $"::{IndexValueCodec.CastType(index.Type)}[]");
            aliases.Add("c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var columns = DocumentColumns.Concat(model.Columns.Select(i => SqlIdentifier.Quote(i.Name)));
        var values = DocumentValues.Concat(aliases.Skip(3).Select(a => "u." + a));
        Add(
            $"INSERT INTO {model.Table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM unnest({string.Join(", ", arrays)}) AS u({string.Join(", ", aliases)})",
            parameters,
            run);

        for (var m = 0; m < model.MultiValued.Count; m++)
        {
            var index = model.MultiValued[m];
            var pairs = run.SelectMany(w => w.MultiValues[m].Select(v => (Value: v, w.Write.Id))).ToArray();
            if (pairs.Length > 0)
            {
                AddSideRows(model, index, pairs, run);
            }
        }
    }

    private void AddUpdate(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        var parameters = new PostgreSqlParameters();
        var sets = new List<string>
        {
            $"\"version\" = {parameters.Add(write.Write.NewVersion, NpgsqlDbType.Bigint)}",
            $"\"body\" = {parameters.Add(write.Write.Body, NpgsqlDbType.Json)}",
        };
        for (var c = 0; c < model.Columns.Count; c++)
        {
            var index = model.Columns[c];
            sets.Add($"{SqlIdentifier.Quote(index.Name)} = {parameters.Add(write.Columns[c], IndexValueCodec.DbType(index.Type))}");
        }

        var id = parameters.Add(write.Id, NpgsqlDbType.Uuid);
        var expected = parameters.Add(write.Write.ExpectedVersion, NpgsqlDbType.Bigint);
        _versionChecks.Add((Commands.Count, write));
        Add($"UPDATE {model.Table} SET {string.Join(", ", sets)} WHERE \"id\" = {id} AND \"version\" = {expected}", parameters, [write]);

        for (var m = 0; m < model.MultiValued.Count; m++)
        {
            var index = model.MultiValued[m];
            AddSideDelete(model, index, write);
            if (write.MultiValues[m].Length > 0)
            {
                AddSideRows(model, index, write.MultiValues[m].Select(v => (v, write.Write.Id)).ToArray(), [write]);
            }
        }
    }

    private void AddDelete(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        var parameters = new PostgreSqlParameters();
        var id = parameters.Add(write.Id, NpgsqlDbType.Uuid);
        var expected = parameters.Add(write.Write.ExpectedVersion, NpgsqlDbType.Bigint);
        _versionChecks.Add((Commands.Count, write));
        Add($"DELETE FROM {model.Table} WHERE \"id\" = {id} AND \"version\" = {expected}", parameters, [write]);
        foreach (var index in model.MultiValued)
        {
            AddSideDelete(model, index, write);
        }
    }

    /// <summary>
    /// <c>FOR KEY SHARE</c>: the weakest row lock that a delete (or a change of the id) waits for, while updates of the
    /// required document go on. A row deleted by a transaction that commits first is not returned: the row count is 0.
    /// </summary>
    private void AddRequire(PreparedWrite<CollectionModel> write)
    {
        var parameters = new PostgreSqlParameters();
        var id = parameters.Add(write.Id, NpgsqlDbType.Uuid);
        _versionChecks.Add((Commands.Count, write));
        _requirements.Add(Commands.Count);
        Add($"SELECT 1 FROM {write.Collection.Table} WHERE \"id\" = {id} FOR KEY SHARE", parameters, [write]);
    }

    /// <summary>
    /// One statement: the documents that match are deleted, and the sub-statements delete the side rows of the ids they
    /// return (all sub-statements see the same snapshot, so a filter on a side table still sees its rows). It returns no
    /// rows: only requirements do.
    /// </summary>
    private void AddDeleteWhere(PreparedWrite<CollectionModel> write)
    {
        var model = write.Collection;
        var delete = $"DELETE FROM {model.Table} t WHERE {write.FilterSql} RETURNING t.\"id\"";
        var sql = model.MultiValued.Count == 0
            ? $"DELETE FROM {model.Table} t WHERE {write.FilterSql}"
            : $"WITH gone AS ({delete})"
                + string.Concat(model.MultiValued.Skip(1).Select((index, m) => $", side{m.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS ({DeleteSideRowsOfGone(model, index)})"))
                + " " + DeleteSideRowsOfGone(model, model.MultiValued[0]);
        Add(sql, (PostgreSqlParameters)write.FilterParameters!, [write]);
    }

    private static string DeleteSideRowsOfGone(CollectionModel model, IndexDefinition index) =>
        $"DELETE FROM {model.SideTable(index)} WHERE \"id\" IN (SELECT \"id\" FROM gone)";

    private void AddSideDelete(CollectionModel model, IndexDefinition index, PreparedWrite<CollectionModel> write)
    {
        var parameters = new PostgreSqlParameters();
        var id = parameters.Add(write.Id, NpgsqlDbType.Uuid);
        Add($"DELETE FROM {model.SideTable(index)} WHERE \"id\" = {id}", parameters, [write]);
    }

    private void AddSideRows(CollectionModel model, IndexDefinition index, (string Value, Guid Id)[] pairs, IReadOnlyList<PreparedWrite<CollectionModel>> writes)
    {
        var parameters = new PostgreSqlParameters();
        var values = parameters.Add(pairs.Select(p => p.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        var ids = parameters.Add(pairs.Select(p => p.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        Add($"INSERT INTO {model.SideTable(index)} (\"value\", \"id\") SELECT * FROM unnest({values}::text[], {ids}::uuid[])", parameters, writes);
    }
}
