namespace EasternSelect.Domain.Suppliers;

/// <summary>
/// Taiwan's business tax ID (統一編號): eight digits with a weighted checksum. Since 2023 the Ministry
/// of Finance checks the sum modulo 5 (the older modulo-10 numbers remain valid under it).
/// </summary>
public static class TaxId
{
    private static readonly int[] Weights = [1, 2, 1, 2, 1, 2, 4, 1];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 8 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var product = (value[i] - '0') * Weights[i];
            sum += (product / 10) + (product % 10);
        }

        return sum % 5 == 0 || (value[6] == '7' && (sum + 1) % 5 == 0);
    }

    /// <summary>Completes seven digits with a check digit that makes a valid tax ID.</summary>
    public static string WithCheckDigit(string sevenDigits)
    {
        ArgumentNullException.ThrowIfNull(sevenDigits);
        if (sevenDigits.Length != 7 || !sevenDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Seven digits are required.", nameof(sevenDigits));
        }

        for (var d = 0; d <= 9; d++)
        {
            var candidate = sevenDigits + (char)('0' + d);
            if (IsValid(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No check digit exists for " + sevenDigits);
    }
}
