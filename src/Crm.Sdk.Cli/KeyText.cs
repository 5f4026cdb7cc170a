namespace Crm.Sdk.Cli;

/// <summary>A key as the tool reads it from a file or an environment variable: <c>&lt;key-id&gt;:&lt;base64 of 32 bytes&gt;</c>.</summary>
/// <param name="Id">The key id the host registered the key under (stored with every data key it wraps).</param>
/// <param name="Base64Key">The key, in base64.</param>
internal sealed record KeyText(string Id, string Base64Key)
{
    private const int KeyBytes = 32;

    /// <summary>Reads a key from a file, else from an environment variable, else none.</summary>
    /// <param name="file">The file given on the command line, or null.</param>
    /// <param name="variable">The environment variable's name.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="what">What the key is, for messages (<c>root key</c>).</param>
    /// <returns>The key, or null when neither is given.</returns>
    /// <exception cref="CliException">The file cannot be read, or the text is not a key.</exception>
    public static KeyText? Read(FileInfo? file, string variable, Func<string, string?> environment, string what)
    {
        string text;
        string source;
        if (file is not null)
        {
            try
            {
                text = File.ReadAllText(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.KeyProblem, $"The {what} file '{file.FullName}' cannot be read: {e.Message}", e);
            }

            source = $"the file '{file.FullName}'";
        }
        else if (environment(variable) is { Length: > 0 } value)
        {
            text = value;
            source = $"${variable}";
        }
        else
        {
            return null;
        }

        text = text.Trim();
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new CliException(ExitCodes.KeyProblem, $"The {what} in {source} is not '<key-id>:<base64 key>' (for example main:{new string('A', 43)}=).");
        }

        var id = text[..separator].Trim();
        var key = text[(separator + 1)..].Trim();
        var bytes = new byte[KeyBytes + 1];
        if (!Convert.TryFromBase64String(key, bytes, out var length) || length != KeyBytes)
        {
            throw new CliException(ExitCodes.KeyProblem, $"The {what} '{id}' in {source} is not {KeyBytes} bytes in base64 (make one with 'openssl rand -base64 32').");
        }

        return new KeyText(id, key);
    }
}
