using Microsoft.Data.Sqlite;

namespace Crm.Sdk.Sqlite.Connections;

/// <summary>
/// An open connection the store keeps between calls, with the statements already prepared on it: a call then neither
/// opens a connection nor compiles its SQL again (both cost more than a small indexed read). Used by one call at a
/// time (<see cref="ConnectionCache"/> hands it out); never shared.
/// </summary>
internal sealed class CachedConnection : IDisposable
{
    /// <summary>Prepared statements kept per connection; beyond this all are dropped and prepared again as used.</summary>
    private const int MaxStatements = 128;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NativeStatement> _statements = new(StringComparer.Ordinal);

    public CachedConnection(SqliteConnection connection)
    {
        Connection = connection;
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Set when a call on this connection failed in SQLite: it is closed instead of being kept.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared on first use and kept: its parameters are what the last user left
    /// (a reader replaces them, a writer sets values by ordinal), and it runs in <paramref name="transaction"/>.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxStatements)
            {
                DisposeCommands();
            }

            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>The command for <paramref name="sql"/> with exactly <paramref name="parameters"/>, outside any transaction.</summary>
    public SqliteCommand Command(string sql, IEnumerable<SqliteParameter> parameters)
    {
        var command = Command(sql);
        command.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The native statement for <paramref name="sql"/> (bulk appends), prepared on first use and kept.</summary>
    public NativeStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            if (_statements.Count >= MaxStatements)
            {
                DisposeStatements();
            }

            statement = new NativeStatement(Connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Marks the connection to be closed when it is given back.</summary>
    public void Break() => IsBroken = true;

    public void Dispose()
    {
        DisposeCommands();
        DisposeStatements();
        Connection.Dispose();
    }

    private void DisposeStatements()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
