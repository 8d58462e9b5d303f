# (d) decimal: 2,000 invoice lines priced, taxed and rounded to cents in a local context, then
# totalled; ctxlab's decimal is pure Python (Lib/decimal.py), CPython's is C (libmpdec).
import decimal
from decimal import Decimal, localcontext

CENT = Decimal('0.01')
RATE = Decimal('0.0825')


def invoice(n):
    total = Decimal(0)
    with localcontext(prec=12, rounding=decimal.ROUND_HALF_UP):
        for i in range(n):
            price = Decimal(i % 97) + Decimal('0.99')
            line = (price * (i % 5 + 1)).quantize(CENT)
            total += line + (line * RATE).quantize(CENT)
    return total


print(invoice(2000), Decimal(2).sqrt(), Decimal(1) / 7)
