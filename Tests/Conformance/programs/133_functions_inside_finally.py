def finally_wins():
    try:
        'try'
    finally:
        def _f():
            return "f"
        print(_f())

def with_return(x):
    try:
        if x:
            return [i * 2 for i in range(3)]
        g = lambda: "g"
        print(g())
    except ValueError:
        h = lambda: "h"
        print(h())
    else:
        print((lambda: "else")())
    finally:
        k = lambda y=1: y + 10
        print("finally", k(), [j for j in "ab"])

finally_wins()
print(with_return(True))
print(with_return(False))
def loop():
    for i in range(2):
        try:
            if i == 0:
                continue
            break
        finally:
            print("f", i, (lambda: i)())
loop()
def raising():
    try:
        raise ValueError
    finally:
        print("cleanup", (lambda: 1)())
try:
    raising()
except ValueError:
    print("caught")
