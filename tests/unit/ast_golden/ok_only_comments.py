# just a comment
   # another

