try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
