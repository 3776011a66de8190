# The if __name__ == '__main__' idiom runs in the main script.
def main():
    print('main() called')
    return 0


if __name__ == '__main__':
    print('running as', __name__)
    main()
else:
    print('imported')
