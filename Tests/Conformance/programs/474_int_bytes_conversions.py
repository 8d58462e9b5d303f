"""int.to_bytes / int.from_bytes in both byte orders and signed, and random.randbytes of a
megabyte (the fuzzer's hang of seed 303 case 97857: a shift per byte made both quadratic)."""
import random
random.seed(5)
for n in [0, 1, 7, 8, 9, 15, 16, 17, 100]:
    x = random.getrandbits(n * 8) if n else 0
    for order in ('big', 'little'):
        b = x.to_bytes(n, order)
        assert int.from_bytes(b, order) == x, (n, order)
        print(n, order, b.hex())
for v in [-1, -128, -129, 127, 255, -2**63, 2**64 - 1, -2**64]:
    for n in [9, 16]:
        b = v.to_bytes(n, 'big', signed=True)
        print(v, b.hex(), int.from_bytes(b, 'big', signed=True) == v, int.from_bytes(b, 'little', signed=True))
b = random.randbytes(0x10FFFF)
print(len(b), int.from_bytes(b, 'big') % 1000003, b[:8].hex(), b[-8:].hex())
print(int.from_bytes([1, 2, 3], 'little'), int.from_bytes(b'\xff\x00', 'big', signed=True), (5).to_bytes(), (0).to_bytes(0, 'big'))
