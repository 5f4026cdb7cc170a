namespace Crm.Sdk.Cli;

/// <summary>
/// How a command writes its output file: to <c>file.partial</c>, renamed over the file once complete, and removed on any
/// failure, so that a denied, cancelled or failed command leaves no file behind.
/// </summary>
internal static class OutputFile
{
    /// <summary>Runs <paramref name="write"/> on the temporary path, then moves it into place.</summary>
    /// <typeparam name="T">What the writer returns.</typeparam>
    /// <param name="file">The file to produce.</param>
    /// <param name="write">Writes the whole output to the path it is given.</param>
    /// <returns>What <paramref name="write"/> returned.</returns>
    /// <exception cref="CliException">The file cannot be written (exit code <see cref="ExitCodes.OutputUnwritable"/>).</exception>
    public static async Task<T> WriteAsync<T>(FileInfo file, Func<string, Task<T>> write)
    {
        var temporary = file.FullName + ".partial";
        try
        {
            var result = await write(temporary).ConfigureAwait(false);
            File.Move(temporary, file.FullName, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException(ExitCodes.OutputUnwritable, $"Cannot write '{file.FullName}': {e.Message}", e);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
